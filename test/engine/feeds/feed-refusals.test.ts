// What a watched folder does with a CSV it cannot send as it stands: failed/ with an error file
// that names the feed's own setting to change, and a History entry, even though nothing was sent;
// and the settings that let such a file through (the date order, the encoding, leaving out invalid fields).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import type { FeedConfig } from '../../../main/engine/feeds/feed-config.js';
import type { FeedEvent } from '../../../main/engine/feeds/feed-events.js';
import { startFeed } from '../../../main/engine/feeds/feed-runner.js';
import { openHistory, type UploadHistory } from '../../../main/engine/history/upload-history.js';
import { createUploadQueue } from '../../../main/engine/upload/upload-queue.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { MIXED_MAC_AND_WINDOWS } from '../pipeline/real-exports/fixtures.js';

describe('a watched folder refuses what it cannot send, and says how to let it through', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(async () => t.stop());

  /** Runs a customer_record feed over `dir` once, converting CSVs with `convert`. */
  const runOnce = async (dir: string, convert: NonNullable<FeedConfig['convert']>, audience: 'app' | 'cli' = 'cli'): Promise<{ seen: FeedEvent[]; history: UploadHistory }> => {
    const feed: FeedConfig = {
      path: dir, patterns: ['*.csv'], destination: { datasetId: 'ds_feed', recordType: 'customer_record' }, convert, validate: true,
      quietSeconds: 0.1, after: 'sent', polling: false,
    };
    const seen: FeedEvent[] = [];
    const history = await openHistory(join(dir, '..', `${Date.now()}-${Math.random()}-history.json`));
    const runner = startFeed({
      feed, once: true, concurrency: 1, retryDelaysMs: [20],
      send: {
        apiUrl: t.sandbox.apiUrl, token: t.sandbox.token, limiter: createRateLimiter({ intervalCap: 1000 }), queue: createUploadQueue({ concurrency: 1 }),
        history, sandbox: true, ledgerDir: join(dir, '..'), audience, tuning: { maxAttempts: 1, retryBaseMs: 5 },
      },
      onEvent: (e) => seen.push(e),
    });
    await runner.done;
    return { seen, history };
  };

  const AMBIGUOUS = 'Email,Date of Birth\nann@example.com,03/04/1985\nbob@example.com,05/06/1990\n';

  test('dates that read either way: failed/, the error file names --date-order, History has the file (Failed, in failed/)', async () => {
    const dir = await mkdtemp(join(t.work, 'dates-'));
    await writeFile(join(dir, 'crm-20261129-v1.csv'), AMBIGUOUS);
    const { seen, history } = await runOnce(dir, { mapping: null, presetName: null });
    assert.ok(seen.some((e) => e.kind === 'failed' && e.error.code === 'date-order-unknown'));
    const text = await readFile(join(dir, 'failed', 'crm-20261129-v1.csv.error.txt'), 'utf8');
    assert.match(text, /What to do: Run the watch with --date-order dmy .* then move the file back into the folder/);
    assert.doesNotMatch(text, /beside the column in the mapping/);
    const entry = history.list().find((e) => e.sourceName === 'crm-20261129-v1.csv');
    assert.equal(entry?.status, 'Failed');
    assert.equal(entry?.error?.code, 'date-order-unknown');
    assert.equal(entry?.feed, dir);
    assert.equal(entry?.filePath, join(dir, 'failed', 'crm-20261129-v1.csv'), 'the entry follows the file to failed/');
  });

  test('for the app, the hint names the folder\'s own setting', async () => {
    const dir = await mkdtemp(join(t.work, 'dates-app-'));
    await writeFile(join(dir, 'crm-20261129-v1.csv'), AMBIGUOUS);
    await runOnce(dir, { mapping: null, presetName: null }, 'app');
    const text = await readFile(join(dir, 'failed', 'crm-20261129-v1.csv.error.txt'), 'utf8');
    assert.match(text, /Change settings for this folder and set "Dates in CSV files" to day\/month\/year or month\/day\/year/);
  });

  test('with the date order set (one for the feed, or per column), the same file is sent', async () => {
    for (const convert of [{ mapping: null, presetName: null, dateOrder: 'dmy' as const }, { mapping: { dateOrders: { 'Date of Birth': 'dmy' as const } }, presetName: null }]) {
      const dir = await mkdtemp(join(t.work, 'dates-set-'));
      await writeFile(join(dir, 'crm-20261129-v1.csv'), AMBIGUOUS);
      const { seen } = await runOnce(dir, convert);
      assert.ok(seen.some((e) => e.kind === 'sent'), JSON.stringify(seen.filter((e) => e.kind === 'failed')));
    }
  });

  test('an invalid optional field: refused naming --leave-out-invalid-fields; with it, sent without the field', async () => {
    const csv = 'Email,Date of Birth\nann@example.com,31/02/1985\nbob@example.com,25/12/1990\n';
    const dir = await mkdtemp(join(t.work, 'fields-'));
    await writeFile(join(dir, 'crm-20261129-v1.csv'), csv);
    await runOnce(dir, { mapping: null, presetName: null });
    assert.match(await readFile(join(dir, 'failed', 'crm-20261129-v1.csv.error.txt'), 'utf8'), /--leave-out-invalid-fields/);
    const again = await mkdtemp(join(t.work, 'fields-kept-'));
    await writeFile(join(again, 'crm-20261129-v1.csv'), csv);
    const { seen, history } = await runOnce(again, { mapping: null, presetName: null, leaveOutInvalidFields: true });
    assert.ok(seen.some((e) => e.kind === 'sent'));
    const entry = history.list().find((e) => e.status === 'Success');
    assert.equal(entry?.fieldsLeftOut, 1);
    assert.deepEqual(entry?.leftOutFields, ['date_of_birth']);
  });

  test('a POS export in a customer feed (few columns map): failed/, naming the columns that did not map', async () => {
    const dir = await mkdtemp(join(t.work, 'columns-'));
    const csv = 'Email,Receipt No,Store,Register,Total,Tax,Staff,Tender,Discount,Items,Loyalty\nann@example.com,R1,Bondi,2,10,1,Jo,Card,0,1,5\n';
    await writeFile(join(dir, 'pos-20261129-v1.csv'), csv);
    const { seen, history } = await runOnce(dir, { mapping: null, presetName: null });
    const failed = seen.find((e) => e.kind === 'failed');
    assert.equal(failed?.kind === 'failed' && failed.error.code, 'columns-not-mapped');
    const text = await readFile(join(dir, 'failed', 'pos-20261129-v1.csv.error.txt'), 'utf8');
    assert.match(text, /Only 2 of the 11 columns of pos-20261129-v1\.csv match fields of customer_record, so nothing was sent\. These did not map: "Receipt No", "Store", "Register", "Total"/);
    assert.equal(history.list()[0]?.status, 'Failed');
    assert.deepEqual(await readdir(join(dir)), ['failed']);
  });

  test('a CSV no single encoding reads: failed/, naming --encoding (or the folder\'s "Encoding of CSV files"); with the encoding set, sent', async () => {
    const dir = await mkdtemp(join(t.work, 'encoding-'));
    await writeFile(join(dir, 'crm-20261129-v1.csv'), MIXED_MAC_AND_WINDOWS);
    const { seen } = await runOnce(dir, { mapping: null, presetName: null });
    const failed = seen.find((e) => e.kind === 'failed');
    assert.equal(failed?.kind === 'failed' && failed.error.code, 'encoding-unknown');
    const text = await readFile(join(dir, 'failed', 'crm-20261129-v1.csv.error.txt'), 'utf8');
    assert.match(text, /What to do: Run the watch with --encoding and the file's encoding \(mac-roman for an old Mac export.*then move the file back into the folder/);
    const app = await mkdtemp(join(t.work, 'encoding-app-'));
    await writeFile(join(app, 'crm-20261129-v1.csv'), MIXED_MAC_AND_WINDOWS);
    await runOnce(app, { mapping: null, presetName: null }, 'app');
    assert.match(await readFile(join(app, 'failed', 'crm-20261129-v1.csv.error.txt'), 'utf8'), /Change settings for this folder and choose it under "Encoding of CSV files"/);

    const set = await mkdtemp(join(t.work, 'encoding-set-'));
    await writeFile(join(set, 'crm-20261129-v1.csv'), MIXED_MAC_AND_WINDOWS);
    const sent = await runOnce(set, { mapping: null, presetName: null, encoding: 'mac-roman' });
    const done = sent.seen.find((e) => e.kind === 'sent');
    assert.ok(done, JSON.stringify(sent.seen.filter((e) => e.kind === 'failed')));
    assert.equal(sent.history.list()[0]?.recordsSent, 4);
  });
});
