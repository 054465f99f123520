import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RECORD_TYPE_NAMES } from '../../main/engine/schemas/record-type-names.js';
import { sha256File, writeTestFile, type TestSandbox } from '../helpers/sandbox.js';
import { runCli, startCli, untilStdout, useSandboxForCli, type TempConfig } from './cli-helpers.js';

interface JournalFile { entries: Array<{ status: string; filename: string; uploadId: string | null; bytes: number; error: { code: string } | null }> }

describe('lexer-upload upload (against the sandbox)', () => {
  let sb: TestSandbox;
  let config: TempConfig;
  let env: NodeJS.ProcessEnv;
  const journal = async () => JSON.parse(await readFile(join(config.dir, 'history.json'), 'utf8')) as JournalFile;

  useSandboxForCli((s) => ({ sb, config, env } = s));

  test('uploads a CSV, prints one JSON object, and the bytes land intact under the fixed name', async () => {
    const content = 'id,amount\n1,10\n2,20\n';
    const path = await writeTestFile(sb.work, 'Sales Export.csv', content);
    const r = await runCli(['upload', path, '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { ok: boolean; uploadId: string; filename: string; bytes: number };
    assert.deepEqual(Object.keys(out).sort(), ['bytes', 'filename', 'ok', 'uploadId'], 'the shape the README documents');
    assert.equal(out.ok, true);
    assert.match(out.filename, /^Sales_Export-\d{8}-v1\.csv$/);
    assert.equal(out.bytes, Buffer.byteLength(content));
    assert.match(r.stderr, new RegExp(`renamed: "Sales Export.csv" -> "${out.filename}" \\(Lexer's file-name rules\\)`));
    const stored = (await sb.sandbox.storedFiles()).find((f) => f.key.includes(out.filename));
    assert.ok(stored, 'the file reached storage');
    assert.equal(await sha256File(stored.path), await sha256File(path));
    const entry = (await journal()).entries.find((e) => e.uploadId === out.uploadId);
    assert.equal(entry?.status, 'Success');
    assert.equal(entry?.bytes, Buffer.byteLength(content));
  });

  test('NDJSON into a dataset is sent gzipped under {dataset_id}_{record_type}_{unix}.ndjson.gz', async () => {
    const path = await writeTestFile(sb.work, 'people.ndjson', '{"link":{"email":"a@example.com"}}\n');
    const r = await runCli(['upload', path, '--dataset-id', 'ds-42', '--record-type', 'customer_record', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match((JSON.parse(r.stdout) as { filename: string }).filename, /^ds-42_customer_record_\d{10}\.ndjson\.gz$/);
  });

  test('a rejected token: exit 1, a JSON error, nothing stored', async () => {
    const before = (await sb.sandbox.storedFiles()).length;
    const path = await writeTestFile(sb.work, 'rejected-20261126-v1.csv', 'a\n1\n');
    const r = await runCli(['upload', path, '--json'], { env: { ...env, LEXER_UPLOAD_API_TOKEN: 'not-the-sandbox-token' } });
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string } };
    assert.equal(out.ok, false);
    assert.equal(out.error.code, 'token-rejected');
    assert.ok(!r.stdout.includes('not-the-sandbox-token') && !r.stderr.includes('not-the-sandbox-token'));
    assert.equal((await sb.sandbox.storedFiles()).length, before);
  });

  test('no token anywhere: exit 1 and what to do', async () => {
    const path = await writeTestFile(sb.work, 'x-20261126-v1.csv', 'a\n1\n');
    const r = await runCli(['upload', path], { env: { ...env, LEXER_UPLOAD_API_TOKEN: '' } });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No API token: run `lexer-upload token set` or set LEXER_UPLOAD_API_TOKEN\./);
  });

  test('a pasted token with a line break inside is refused before any request, without echoing it', async () => {
    const path = await writeTestFile(sb.work, 'y-20261126-v1.csv', 'a\n1\n');
    const requests = sb.sandbox.requestLog.length;
    const r = await runCli(['upload', path], { env: { ...env, LEXER_UPLOAD_API_TOKEN: 'abcd1234\nefgh5678' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /LEXER_UPLOAD_API_TOKEN has spaces or line breaks inside/);
    assert.ok(!r.stderr.includes('abcd1234') && !r.stdout.includes('abcd1234'));
    assert.equal(sb.sandbox.requestLog.length, requests, 'nothing was sent');
  });

  test('usage errors exit 2 and say what is wrong', async () => {
    const path = await writeTestFile(sb.work, 'u-20261126-v1.ndjson', '{}\n');
    const half = await runCli(['upload', path, '--dataset-id', 'ds'], { env });
    assert.equal(half.code, 2);
    assert.match(half.stderr, /--dataset-id and --record-type go together/);
    const unknown = await runCli(['upload', path, '--dataset-id', 'ds', '--record-type', 'customers'], { env });
    assert.equal(unknown.code, 2);
    for (const name of RECORD_TYPE_NAMES) assert.ok(unknown.stderr.includes(name), `lists ${name}`);
    const csv = await runCli(['upload', join(sb.work, 'a.csv'), '--dataset-id', 'ds', '--record-type', 'purchase'], { env });
    assert.equal(csv.code, 2);
    assert.match(csv.stderr, /loads only NDJSON into a dataset.*lexer-upload convert/s);
    assert.equal((await runCli(['upload'], { env })).code, 2);
    assert.equal((await runCli(['upload', path, '--concurrency', '0'], { env })).code, 2);
  });

  test('several files: a few at a time, exit 1 if any failed, a summary naming each outcome', async () => {
    const a = await writeTestFile(sb.work, 'multi-a-20261126-v1.csv', 'a\n1\n');
    const b = await writeTestFile(sb.work, 'multi-b-20261126-v1.csv', 'b\n2\n');
    const empty = await writeTestFile(sb.work, 'multi-empty-20261126-v1.csv', '');
    const r = await runCli(['upload', a, b, empty, '--concurrency', '2'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /2 of 3 files uploaded/);
    assert.match(r.stdout, /Success +.*multi-a-20261126-v1\.csv/);
    assert.match(r.stdout, /Success +.*multi-b-20261126-v1\.csv/);
    assert.match(r.stdout, /Failed +.*multi-empty-20261126-v1\.csv: .*empty/);
    // `a` again: sent a second time on purpose (the duplicate guard would refuse it otherwise).
    const json = await runCli(['upload', a, empty, '--json', '--allow-duplicate'], { env });
    const out = JSON.parse(json.stdout) as { ok: boolean; results: Array<{ file: string; ok: boolean; error?: { code: string } }> };
    assert.equal(out.ok, false);
    assert.deepEqual(out.results.map((x) => [x.file, x.ok, x.error?.code]), [[a, true, undefined], [empty, false, 'file-empty']]);
    const statuses = (await journal()).entries.filter((e) => e.filename.startsWith('multi-')).map((e) => e.status).sort();
    assert.deepEqual(statuses, ['Failed', 'Failed', 'Success', 'Success', 'Success']);
  });

  test('--validate uploads only a file whose records are all valid', async () => {
    const bad = await writeTestFile(sb.work, 'bad.ndjson', '{"link":{"email":"a@example.com"}}\n{"first_name":"No link"}\n');
    const r = await runCli(['upload', bad, '--dataset-id', 'ds', '--record-type', 'customer_record', '--validate'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /2 records, 1 valid, 1 invalid/);
    assert.match(r.stdout, /line 2: /);
    assert.match(r.stdout, /not uploaded/);
    const good = await writeTestFile(sb.work, 'good.ndjson', '{"link":{"email":"a@example.com"}}\n');
    const ok = await runCli(['upload', good, '--dataset-id', 'ds', '--record-type', 'customer_record', '--validate', '--json'], { env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as { ok: boolean }).ok, true);
  });

  test('Ctrl+C cancels cleanly: Cancelled in the summary and the history, exit 1', async () => {
    // A long Retry-After keeps the upload waiting, so the signal surely arrives mid-upload.
    sb.sandbox.faults.apiResponses.push({ status: 429, retryAfter: 120 });
    const path = await writeTestFile(sb.work, 'cancel-me-20261126-v1.csv', 'cancel\n1\n');
    const { child, done } = startCli(['upload', path], { env });
    await untilStdout(child, 'retrying:');
    child.kill('SIGINT');
    const r = await done;
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Cancelled +.*cancel-me-20261126-v1\.csv/);
    const entry = (await journal()).entries.find((e) => e.filename === 'cancel-me-20261126-v1.csv');
    assert.equal(entry?.status, 'Cancelled');
  });
});
