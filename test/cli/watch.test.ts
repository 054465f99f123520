// `lexer-upload watch` against the sandbox, with real files in temporary folders: a
// file written slowly is taken only once complete and arrives byte-identical; invalid rows go to
// failed/ with a readable reason and nothing is stored; the same export under two names is sent
// once; 50 files at once keep to the concurrency; SIGTERM during an upload leaves History with
// the attempt marked and nothing reported sent, and a restart then sends each waiting file once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startCountingProxy } from '../helpers/counting-http-proxy.js';
import { startTcpResetProxy } from '../helpers/tcp-reset-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { runCli, startCli, tempConfig, useSandboxForCli, type TempConfig } from './cli-helpers.js';
import { MIXED_MAC_AND_WINDOWS } from '../engine/pipeline/real-exports/fixtures.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function customers(count: number, seed: string): Buffer {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ link: { customer_id: `${seed}-${i}` }, email: `p${i}@example.com`, note: randomBytes(6).toString('hex') }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

interface Entry { filename: string; status: string; filePath: string; feed?: string; sourceName?: string; error?: { code: string } | null }
interface Event { event: string; file?: string; filename?: string; movedTo?: string | null; errorFile?: string }

const events = (stdout: string): Event[] => stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Event);

/** Resolves once `stdout` of a running command shows a line for which `wanted` holds. */
function waitForEvent(child: ReturnType<typeof startCli>['child'], wanted: (e: Event) => boolean): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    child.stdout?.on('data', (d: Buffer | string) => {
      seen += String(d);
      if (events(seen).some(wanted)) resolve();
    });
    child.on('close', () => resolve());
  });
}

/** A sandbox whose first upload connection stops being read part-way (its PUT hangs), a config folder of its own, and the env to reach both. */
async function stallingSandbox() {
  const proxy = await startTcpResetProxy({ cutAfterBytes: 2000, cutConnections: 1, mode: 'stall' });
  const box = await startTestSandbox({ s3Origin: proxy.origin });
  proxy.targetPort = Number(new URL(box.sandbox.apiUrl).port);
  const own = await tempConfig();
  return {
    proxy, box, own, env: { ...own.env, LEXER_API_URL: box.sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: box.sandbox.token },
    /** Starts `watch` and resolves once its first upload hangs. */
    async startHung(args: string[]) {
      const run = startCli(args, { env: this.env });
      await waitForEvent(run.child, (e) => e.event === 'taken');
      while (proxy.cuts === 0 && run.child.exitCode === null) await sleep(50);
      return run;
    },
    async stop() {
      await box.stop();
      await proxy.close();
      await own.cleanup();
    },
  };
}

describe('lexer-upload watch', () => {
  let sb: TestSandbox;
  let config: TempConfig;
  let env: NodeJS.ProcessEnv;
  useSandboxForCli((s) => ({ sb, config, env } = s));
  const folder = async (name: string): Promise<string> => {
    const dir = join(sb.work, name);
    await mkdir(dir);
    return dir;
  };
  const entries = async (dir = config.dir): Promise<Entry[]> => (JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')) as { entries: Entry[] }).entries;
  const stored = async (box: TestSandbox, name: string) => (await box.sandbox.storedFiles()).filter((f) => f.key.endsWith(`/${name}`));

  test('usage errors: a folder that is not there, --convert without a record type, half a destination', async () => {
    assert.equal((await runCli(['watch', join(sb.work, 'not-there'), '--once'], { env })).code, 2);
    const dir = await folder('usage');
    const convert = await runCli(['watch', dir, '--once', '--convert'], { env });
    assert.equal(convert.code, 2);
    assert.match(convert.stderr, /--convert needs --dataset-id and --record-type/);
    assert.equal((await runCli(['watch', dir, '--once', '--dataset-id', 'ds'], { env })).code, 2);
    assert.equal((await runCli(['watch', dir, '--after', 'archive'], { env })).code, 2);
  });

  test('a file written slowly is taken only once complete, arrives byte-identical, and moves to sent/', async () => {
    const dir = await folder('slow');
    const { child, done } = startCli(['watch', dir, '--quiet-seconds', '2', '--json'], { env });
    await waitForEvent(child, (e) => e.event === 'watching');
    const content = customers(400, 'slow');
    const path = join(dir, 'slow-20261129-v1.ndjson');
    // Ten pieces a fifth of a second apart: each write changes the size and the time, so the
    // quiet period starts again and no half of it is ever sent.
    const step = Math.ceil(content.length / 10);
    for (let at = 0; at < content.length; at += step) {
      await appendFile(path, content.subarray(at, at + step));
      await sleep(200);
    }
    await waitForEvent(child, (e) => e.event === 'sent');
    child.kill('SIGTERM');
    const r = await done;
    assert.equal(r.code, 0, r.stderr);
    const sent = events(r.stdout).filter((e) => e.event === 'sent');
    assert.equal(sent.length, 1, r.stdout);
    assert.equal(sent[0]?.filename, 'slow-20261129-v1.ndjson.gz');
    const objects = await stored(sb, 'slow-20261129-v1.ndjson.gz');
    assert.equal(objects.length, 1, 'sent once');
    assert.equal(sha256(gunzipSync(await readFile(objects[0]!.path))), sha256(content), 'the whole file, byte for byte');
    assert.deepEqual(await readdir(dir), ['sent']);
    assert.deepEqual(await readFile(join(dir, 'sent', 'slow-20261129-v1.ndjson')), content);
    const entry = (await entries()).find((e) => e.filename === 'slow-20261129-v1.ndjson.gz');
    assert.equal(entry?.status, 'Success');
    assert.equal(entry?.feed, dir, 'History names the feed');
    assert.equal(entry?.filePath, join(dir, 'sent', 'slow-20261129-v1.ndjson'), "History's Retry finds the file where it went");
  });

  test('temporary and hidden names are never taken; files that do not match the pattern stay', async () => {
    const dir = await folder('ignored');
    for (const name of ['export.csv.part', 'export.csv.crdownload', 'export.tmp', '~$export.csv', '.export.csv', 'notes.txt']) {
      await writeFile(join(dir, name), 'email\nignored@example.com\n');
    }
    const storedBefore = (await sb.sandbox.storedFiles()).length;
    const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(events(r.stdout).filter((e) => e.event === 'taken').length, 0, r.stdout);
    assert.equal((await sb.sandbox.storedFiles()).length, storedBefore);
    assert.equal((await readdir(dir)).length, 6);
  });

  test('invalid rows: moved to failed/ with a readable reason, nothing stored', async () => {
    const dir = await folder('invalid');
    await writeFile(join(dir, 'people.ndjson'), '{"link":{"customer_id":"1"},"email":"a@example.com"}\n{"email":"not an email"}\n');
    await writeFile(join(dir, 'shop.csv'), 'email,first_name\nb@example.com,Bo\nnot-an-email,Cy\n');
    const storedBefore = (await sb.sandbox.storedFiles()).length;
    const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-invalid', '--record-type', 'customer_record', '--convert'], { env });
    assert.equal(r.code, 1, 'a file failed');
    assert.match(r.stdout, /failed: people\.ndjson: .*not valid customer_record records/);
    assert.deepEqual((await readdir(dir)).sort(), ['failed']);
    assert.deepEqual((await readdir(join(dir, 'failed'))).sort(), ['people.ndjson', 'people.ndjson.error.txt', 'shop.csv', 'shop.csv.error.txt']);
    const reason = await readFile(join(dir, 'failed', 'people.ndjson.error.txt'), 'utf8');
    assert.match(reason, /^people\.ndjson was not sent to Lexer\./);
    assert.match(reason, /What happened: .*not valid customer_record records/);
    assert.match(reason, /What to do: /);
    assert.match(reason, /line 2: /);
    assert.doesNotMatch(reason, new RegExp(sb.sandbox.token), 'never the token');
    const csvReason = await readFile(join(dir, 'failed', 'shop.csv.error.txt'), 'utf8');
    assert.match(csvReason, /1 of the 2 rows of shop\.csv are not valid customer_record records/);
    assert.match(csvReason, /line 3: link\.email: "not-an-email" is not an email address/);
    assert.equal((await sb.sandbox.storedFiles()).length, storedBefore, 'nothing stored');
    const failed = (await entries()).find((e) => e.sourceName === 'people.ndjson' && e.status === 'Failed');
    assert.equal(failed?.filePath, join(dir, 'failed', 'people.ndjson'), "History's Retry finds the failed file in failed/");
  });

  test('a CSV for a dataset without --convert goes to failed/ saying to convert it', async () => {
    const dir = await folder('csv-no-convert');
    await writeFile(join(dir, 'shop.csv'), 'email\nb@example.com\n');
    const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-csv', '--record-type', 'customer_record'], { env });
    assert.equal(r.code, 1);
    assert.match(await readFile(join(dir, 'failed', 'shop.csv.error.txt'), 'utf8'), /Lexer loads only NDJSON into a dataset[\s\S]*--convert/);
  });

  test('dates the file cannot order go to failed/ saying --date-order; with it they are sent as ISO dates', async () => {
    const dir = await folder('dates');
    const csv = join(dir, 'members.csv');
    await writeFile(csv, 'email,date_of_birth\nd1@example.com,03/04/1985\nd2@example.com,05/06/1990\n');
    const args = ['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-dates', '--record-type', 'customer_record', '--convert'];
    const refused = await runCli(args, { env });
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(await readFile(join(dir, 'failed', 'members.csv.error.txt'), 'utf8'), /--date-order dmy/);
    await rename(join(dir, 'failed', 'members.csv'), csv);
    const sent = await runCli([...args, '--date-order', 'dmy'], { env });
    assert.equal(sent.code, 0, sent.stdout + sent.stderr);
    const entry = (await entries()).find((e) => e.status === 'Success' && e.filename.startsWith('ds-dates_'));
    assert.ok(entry, 'sent, and in History');
    const [object] = await stored(sb, entry.filename);
    const records = gunzipSync(await readFile(object!.path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { date_of_birth: string });
    assert.deepEqual(records.map((r) => r.date_of_birth), ['1985-04-03', '1990-06-05']);
    assert.equal((await runCli(['watch', dir, '--once', '--date-order', 'dmy'], { env })).code, 2, '--date-order without --convert is a usage error');
  });

  test('an old Mac export joined to Windows rows goes to failed/ saying --encoding; with --encoding mac-roman its names are sent as written', async () => {
    const dir = await folder('encoding');
    const csv = join(dir, 'contacts.csv');
    await writeFile(csv, MIXED_MAC_AND_WINDOWS);
    const args = ['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-encoding', '--record-type', 'customer_record', '--convert'];
    const refused = await runCli(args, { env });
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(await readFile(join(dir, 'failed', 'contacts.csv.error.txt'), 'utf8'), /Run the watch with --encoding/);
    await rename(join(dir, 'failed', 'contacts.csv'), csv);
    const sent = await runCli([...args, '--encoding', 'mac-roman'], { env });
    assert.equal(sent.code, 0, sent.stdout + sent.stderr);
    const entry = (await entries()).find((e) => e.status === 'Success' && e.filename.startsWith('ds-encoding_'));
    assert.ok(entry, 'sent, and in History');
    const [object] = await stored(sb, entry.filename);
    const records = gunzipSync(await readFile(object!.path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { first_name: string });
    assert.deepEqual(records.slice(0, 2).map((r) => r.first_name), ['José', 'François']);
    assert.equal((await runCli(['watch', dir, '--once', '--encoding', 'mac-roman'], { env })).code, 2, '--encoding without --convert is a usage error');
  });

  test('an invalid optional field goes to failed/ saying --leave-out-invalid-fields; with it the record is sent without the field', async () => {
    const dir = await folder('leave-out');
    const csv = join(dir, 'members.csv');
    await writeFile(csv, 'email,date_of_birth\nl1@example.com,1985-02-31\nl2@example.com,1990-06-05\n');
    const args = ['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-leave', '--record-type', 'customer_record', '--convert'];
    const refused = await runCli(args, { env });
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(await readFile(join(dir, 'failed', 'members.csv.error.txt'), 'utf8'), /--leave-out-invalid-fields/);
    await rename(join(dir, 'failed', 'members.csv'), csv);
    const sent = await runCli([...args, '--leave-out-invalid-fields'], { env });
    assert.equal(sent.code, 0, sent.stdout + sent.stderr);
    const entry = (await entries()).find((e) => e.status === 'Success' && e.filename.startsWith('ds-leave_'));
    assert.ok(entry, 'sent, and in History');
    const [object] = await stored(sb, entry.filename);
    const records = gunzipSync(await readFile(object!.path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(records, [{ link: { email: 'l1@example.com' } }, { link: { email: 'l2@example.com' }, date_of_birth: '1990-06-05' }]);
    assert.equal((await runCli(['watch', dir, '--once', '--leave-out-invalid-fields'], { env })).code, 2, 'without --convert it is a usage error');
  });

  test('the same export under two names is sent once; the copy goes to sent/ with a note', async () => {
    const dir = await folder('twice');
    const content = customers(50, 'twice');
    await writeFile(join(dir, 'nightly-a.ndjson'), content);
    await writeFile(join(dir, 'nightly-b.ndjson'), content);
    const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-twice', '--record-type', 'customer_record', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const out = events(r.stdout);
    assert.equal(out.filter((e) => e.event === 'sent').length, 1, r.stdout);
    assert.equal(out.filter((e) => e.event === 'duplicate').length, 1, r.stdout);
    const sent = (await entries()).filter((e) => e.status === 'Success' && e.filename.startsWith('ds-twice_'));
    assert.equal(sent.length, 1, 'one upload in History');
    assert.equal((await stored(sb, sent[0]!.filename)).length, 1);
    const inSent = (await readdir(join(dir, 'sent'))).sort();
    assert.equal(inSent.filter((n) => n.endsWith('.ndjson')).length, 2, 'both are done with');
    const note = inSent.find((n) => n.endsWith('.note.txt'));
    assert.match(await readFile(join(dir, 'sent', note!), 'utf8'), /was not sent again: This file was already sent to the sandbox on this computer \(not Lexer\) on .* as ds-twice_/);
  });

  test('--part-size and --gzip-level: a large export goes in parts at that level, and the parts join into the file', async () => {
    const content = customers(4000, 'parts');
    // The same export to two datasets (so not a duplicate), at levels 1 and 9.
    const sent = async (level: string) => {
      const dir = await folder(`parts-${level}`);
      await writeFile(join(dir, 'crm.ndjson'), content);
      const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', `ds-parts-${level}`, '--record-type', 'customer_record', '--part-size', '30KB', '--gzip-level', level, '--json'], { env });
      assert.equal(r.code, 0, r.stderr);
      const entry = (await entries()).find((e) => e.status === 'Success' && e.filename.startsWith(`ds-parts-${level}_`)) as (Entry & { parts?: Array<{ filename: string }> | null }) | undefined;
      const parts = entry?.parts ?? [];
      assert.ok(parts.length >= 2, `in parts of at most 30 KB: ${JSON.stringify(entry)}`);
      const objects = await Promise.all(parts.map(async (p) => (await stored(sb, p.filename))[0]!));
      assert.ok(objects.every((o) => o.bytes <= 30_000), objects.map((o) => o.bytes).join(', '));
      const joined = Buffer.concat(await Promise.all(objects.map(async (o) => gunzipSync(await readFile(o.path)))));
      assert.equal(sha256(joined), sha256(content), 'every record exactly once across the parts');
      return objects.reduce((n, o) => n + o.bytes, 0);
    };
    const fastest = await sent('1');
    const smallest = await sent('9');
    assert.ok(smallest < fastest, `level 9 sends less than level 1: ${smallest} vs ${fastest} bytes`);
  });

  test('50 files at once go through the queue: never more uploads at once than --concurrency', async () => {
    const proxy = await startCountingProxy({ holdMs: 50 });
    const box = await startTestSandbox({ s3Origin: proxy.origin });
    proxy.targetPort = Number(new URL(box.sandbox.apiUrl).port);
    const own = await tempConfig();
    try {
      const dir = join(box.work, 'backlog');
      await mkdir(dir);
      await Promise.all(Array.from({ length: 50 }, (_, i) => writeFile(join(dir, `store-${String(i).padStart(2, '0')}-20261129-v1.ndjson`), customers(5, `b${i}`))));
      const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--concurrency', '2', '--no-gzip', '--json'],
        { env: { ...own.env, LEXER_API_URL: box.sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: box.sandbox.token } });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(events(r.stdout).filter((e) => e.event === 'sent').length, 50);
      assert.equal((await box.sandbox.storedFiles()).length, 50, 'each stored once');
      assert.equal(proxy.puts, 50);
      assert.ok(proxy.maxInFlight <= 2, `${proxy.maxInFlight} uploads at once`);
      assert.equal((await readdir(join(dir, 'sent'))).length, 50);
      assert.equal((await entries(own.dir)).filter((e) => e.status === 'Success' && e.feed === dir).length, 50);
    } finally {
      await box.stop();
      await proxy.close();
      await own.cleanup();
    }
  });

  test('a crash during an upload: History marks it interrupted, and the next start sends the file again', async () => {
    const t = await stallingSandbox();
    try {
      const dir = await mkdtemp(join(t.box.work, 'crash-'));
      const content = customers(2000, 'crash');
      await writeFile(join(dir, 'crash-20261129-v1.ndjson'), content);
      const first = await t.startHung(['watch', dir, '--quiet-seconds', '0.2', '--no-gzip', '--json']);
      first.child.kill('SIGKILL');
      await first.done;
      const second = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--no-gzip', '--json'], { env: t.env });
      assert.equal(second.code, 0, second.stderr);
      const objects = await stored(t.box, 'crash-20261129-v1.ndjson');
      assert.equal(objects.length, 1);
      assert.deepEqual(await readFile(objects[0]!.path), content);
      const all = (await entries(t.own.dir)) as Array<Entry & { interrupted?: boolean }>;
      assert.deepEqual(all.map((e) => [e.status, e.interrupted]).sort(), [['Failed', true], ['Success', false]]);
    } finally {
      await t.stop();
    }
  });

  test('SIGTERM during an upload: the attempt is marked, nothing reported sent; a restart sends each waiting file once', async () => {
    const t = await stallingSandbox();
    const { box, own } = t;
    try {
      const dir = await mkdtemp(join(box.work, 'restart-'));
      const files = ['a', 'b', 'c'].map((x) => ({ name: `till-${x}-20261129-v1.ndjson`, content: customers(2000, `r${x}`) }));
      for (const f of files) await writeFile(join(dir, f.name), f.content);
      const first = await t.startHung(['watch', dir, '--quiet-seconds', '0.2', '--concurrency', '1', '--no-gzip', '--json']);
      first.child.kill('SIGTERM');
      const r = await first.done;
      assert.equal(r.code, 0, r.stderr);
      const out = events(r.stdout);
      assert.equal(out.filter((e) => e.event === 'sent').length, 0, r.stdout);
      assert.equal(out.filter((e) => e.event === 'interrupted').length, 1, r.stdout);
      assert.deepEqual((await readdir(dir)).sort(), files.map((f) => f.name), 'every file still waits in the folder');
      assert.equal((await box.sandbox.storedFiles()).length, 0, 'no partial object');
      const marked = await entries(own.dir);
      assert.equal(marked.length, 1);
      assert.equal(marked[0]?.status, 'Cancelled');
      assert.equal(marked[0]?.feed, dir);

      const second = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--no-gzip', '--json'], { env: t.env });
      assert.equal(second.code, 0, second.stderr);
      assert.equal(events(second.stdout).filter((e) => e.event === 'sent').length, 3);
      for (const f of files) {
        const objects = await stored(box, f.name);
        assert.equal(objects.length, 1, `${f.name} sent once`);
        assert.deepEqual(await readFile(objects[0]!.path), f.content);
      }
      const all = await entries(own.dir);
      assert.deepEqual(all.map((e) => e.status).sort(), ['Cancelled', 'Success', 'Success', 'Success']);
      assert.deepEqual((await readdir(join(dir, 'sent'))).sort(), files.map((f) => f.name));
    } finally {
      await t.stop();
    }
  });
});
