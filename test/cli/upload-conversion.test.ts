// `upload` of a file `convert` made says what the conversion left out: with
// --validate it refuses, as `convert` exits 1; without, it sends and keeps the count. History
// stores absolute paths, the CSV's name, the counts, and tags sandbox uploads.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { startTestSandbox, writeTestFile, type TestSandbox } from '../helpers/sandbox.js';
import { runCli, tempConfig } from './cli-helpers.js';

interface Entry { filePath: string; sourceName?: string; recordsSent?: number | null; recordsLeftOut?: number | null; sandbox?: boolean; status: string }

describe('lexer-upload upload of a converted file', () => {
  let sb: TestSandbox;
  let config: Awaited<ReturnType<typeof tempConfig>>;
  let env: NodeJS.ProcessEnv;
  let output: string;
  const journal = async () => (JSON.parse(await readFile(join(config.dir, 'history.json'), 'utf8')) as { entries: Entry[] }).entries;

  before(async () => {
    sb = await startTestSandbox();
    config = await tempConfig();
    env = { ...config.env, LEXER_API_URL: sb.sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: sb.sandbox.token };
    const rows = ['email,date_of_birth'];
    for (let i = 0; i < 7; i += 1) rows.push(`c${i}@example.com,${i < 5 ? '1985-04-13' : '31/02/1985'}`);
    const csv = await writeTestFile(sb.work, 'shop-20260101-v1.csv', `${rows.join('\n')}\n`);
    output = join(sb.work, 'shop-20260101-v1.ndjson');
    const converted = await runCli(['convert', csv, '--record-type', 'customer_record', '--map', 'email=link.email', '-o', output], { env });
    assert.equal(converted.code, 1, 'convert exits 1 when it leaves rows out');
  });
  after(async () => {
    await sb.stop();
    await config.cleanup();
  });

  test('--validate refuses it, saying how many rows were left out, and sends nothing', async () => {
    const r = await runCli(['upload', output, '--dataset-id', 'ds1', '--record-type', 'customer_record', '--validate', '--json'], { env });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string; hint: string } };
    assert.equal(out.error.code, 'invalid-records');
    assert.match(out.error.message, /^2 of 7 rows of shop-20260101-v1\.csv were left out when it was converted/);
    assert.match(out.error.hint, /upload without --validate to send the 5 records anyway/);
    assert.equal(sb.sandbox.requestLog.filter((x) => x.method === 'POST').length, 0);
  });

  test('without --validate it is sent with the count, and History keeps it under the CSV’s name', async () => {
    const r = await runCli(['upload', relative(process.cwd(), output), '--dataset-id', 'ds1', '--record-type', 'customer_record'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Sent 5 records; 2 left out \(of 7 rows in shop-20260101-v1\.csv\)\./);
    assert.match(r.stdout, /a sandbox on this computer, not to Lexer/);
    const entry = (await journal()).find((e) => e.status === 'Success');
    assert.equal(entry?.filePath, output, 'stored absolute though given relative');
    assert.equal(entry?.sourceName, 'shop-20260101-v1.csv');
    assert.equal(entry?.recordsSent, 5);
    assert.equal(entry?.recordsLeftOut, 2);
    assert.equal(entry?.sandbox, true);
  });

  test('--json carries the counts', async () => {
    const r = await runCli(['upload', output, '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { records: { sent: number; leftOut: number; total: number } };
    assert.deepEqual({ sent: out.records.sent, leftOut: out.records.leftOut, total: out.records.total }, { sent: 5, leftOut: 2, total: 7 });
  });
});
