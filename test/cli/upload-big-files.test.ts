// `lexer-upload upload` and big files, against the sandbox: gzip on the way for NDJSON
// (--no-gzip, --gzip), parts under --part-size with one History line each, a part that fails
// retried alone, the duplicate guard (exit 1, `duplicate`, --allow-duplicate), and no temporary
// file left behind after success, failure or cancel.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { xxhash128 } from 'hash-wasm';
import { startTcpResetProxy, type TcpResetProxy } from '../helpers/tcp-reset-proxy.js';
import { startTestSandbox, writeTestFile, type TestSandbox } from '../helpers/sandbox.js';
import { runCli, startCli, tempConfig, untilStdout } from './cli-helpers.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function customers(count: number, seed: string): Buffer {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ link: { customer_id: `${seed}-${i}` }, email: `p${i}@example.com`, note: randomBytes(8).toString('hex') }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

interface Part { index: number; filename: string; status: string; bytes: number; uploadId: string | null }
interface Entry { filename: string; status: string; parts?: Part[]; contentHash?: { algorithm: string; value: string }; compressed?: boolean }

describe('lexer-upload upload and big files', () => {
  let sb: TestSandbox;
  let config: Awaited<ReturnType<typeof tempConfig>>;
  let env: NodeJS.ProcessEnv;
  let tmp: string;
  before(async () => {
    sb = await startTestSandbox();
    config = await tempConfig();
    tmp = join(config.dir, 'tmp');
    await mkdir(tmp);
    // The command's temporary folder, to see what it leaves there.
    env = { ...config.env, LEXER_API_URL: sb.sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: sb.sandbox.token, TMPDIR: tmp };
  });
  after(async () => {
    await sb.stop();
    await config.cleanup();
  });
  const entries = async (): Promise<Entry[]> => (JSON.parse(await readFile(join(config.dir, 'history.json'), 'utf8')) as { entries: Entry[] }).entries;
  const object = async (name: string) => (await sb.sandbox.storedFiles()).find((f) => f.key.endsWith(`/${name}`));
  const workspaces = async (): Promise<string[]> => (await readdir(tmp)).filter((n) => n.startsWith('lexer-upload-'));

  test('NDJSON is gzipped by default and gunzips to the file; --no-gzip sends it as it is', async () => {
    const source = customers(400, 'gz');
    const path = await writeTestFile(sb.work, 'people-20261129-v1.ndjson', source);
    const r = await runCli(['upload', path, '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { filename: string; bytes: number; gzip: boolean; sourceBytes: number };
    assert.equal(out.filename, 'people-20261129-v1.ndjson.gz');
    assert.equal(out.gzip, true);
    assert.equal(out.sourceBytes, source.length);
    assert.ok(out.bytes < source.length / 2, `${out.bytes} bytes sent for ${source.length}`);
    const stored = await object('people-20261129-v1.ndjson.gz');
    assert.equal(sha256(gunzipSync(await readFile(stored!.path))), sha256(source));
    assert.deepEqual((await entries()).find((e) => e.filename === out.filename)?.contentHash, { algorithm: 'xxh3-128', value: await xxhash128(source) });

    const plain = customers(50, 'plain');
    const plainPath = await writeTestFile(sb.work, 'plain-20261129-v1.ndjson', plain);
    const p = await runCli(['upload', plainPath, '--no-gzip', '--json'], { env });
    assert.equal(p.code, 0, p.stderr);
    assert.equal((JSON.parse(p.stdout) as { filename: string }).filename, 'plain-20261129-v1.ndjson');
    assert.deepEqual(await readFile((await object('plain-20261129-v1.ndjson'))!.path), plain);
    assert.deepEqual(await workspaces(), [], 'the compressed copy is gone after success');
  });

  test('a gzip file is sent as it is; a CSV goes as it is unless --gzip', async () => {
    const gz = gzipSync(customers(60, 'already'));
    const gzPath = await writeTestFile(sb.work, 'already-20261129-v1.ndjson.gz', gz);
    const a = await runCli(['upload', gzPath, '--json'], { env });
    assert.equal(a.code, 0, a.stderr);
    assert.deepEqual(await readFile((await object('already-20261129-v1.ndjson.gz'))!.path), gz, 'not compressed twice');

    const csv = Buffer.from(`id,note\n${Array.from({ length: 300 }, (_, i) => `${i},row ${i}`).join('\n')}\n`);
    const csvPath = await writeTestFile(sb.work, 'sales-20261129-v1.csv', csv);
    const b = await runCli(['upload', csvPath, '--json'], { env });
    assert.equal(b.code, 0, b.stderr);
    assert.deepEqual(await readFile((await object('sales-20261129-v1.csv'))!.path), csv, 'CSV as it is by default');
    const c = await runCli(['upload', csvPath, '--gzip', '--allow-duplicate', '--json'], { env });
    assert.equal(c.code, 0, c.stderr);
    assert.equal((JSON.parse(c.stdout) as { filename: string }).filename, 'sales-20261129-v1.csv.gz');
    assert.deepEqual(gunzipSync(await readFile((await object('sales-20261129-v1.csv.gz'))!.path)), csv);
  });

  test('--part-size: a refused part fails alone, History has a line per part, and a second run sends only the rest', async () => {
    const source = customers(5000, 'parts');
    const path = await writeTestFile(sb.work, 'crm-20261129-v1.ndjson', source);
    sb.sandbox.faults.refuseUploads.push({ filenameIncludes: 'crm-part02of', status: 400 });
    const args = ['upload', path, '--part-size', '30KB', '--concurrency', '1'];
    const first = await runCli([...args, '--json'], { env });
    assert.equal(first.code, 1, first.stderr);
    const out = JSON.parse(first.stdout) as { ok: boolean; error: { code: string; message: string }; parts: Part[] };
    assert.equal(out.ok, false);
    assert.match(out.error.message, /^Part 2 of \d+ \(crm-part02of\d+-20261129-v1\.ndjson\.gz\) was not sent/);
    const count = out.parts.length;
    assert.ok(count >= 3, `${count} parts`);
    assert.deepEqual(out.parts.map((p) => p.status), ['Success', 'Failed', ...Array<string>(count - 2).fill('Cancelled')]);
    const failed = (await entries()).find((e) => e.filename === 'crm-20261129-v1.ndjson.gz' && e.status === 'Failed');
    assert.deepEqual(failed?.parts?.map((p) => [p.index, p.status, p.uploadId !== null]), out.parts.map((p) => [p.index, p.status, p.status === 'Success']));
    assert.deepEqual(await workspaces(), [], 'the parts are gone after a failure');

    const second = await runCli(args, { env });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`This file is [\\d.]+ kB after compression; it will be sent as ${count} parts, each loaded by Lexer as its own file\\.`));
    assert.match(second.stdout, new RegExp(`1 of ${count} parts were sent by an earlier try \\(upload ids \\d+\\); sending only the other ${count - 1}\\.`));
    assert.match(second.stdout, /part 1\/\d+ crm-part01of\d+-20261129-v1\.ndjson\.gz: Success \(sent earlier\)/);
    const puts = sb.sandbox.requestLog.filter((l) => l.method === 'PUT' && l.path.includes('crm-part01of'));
    assert.equal(puts.length, 1, 'part 1 was not sent again');
    const parts = (await sb.sandbox.storedFiles()).filter((f) => f.key.includes('crm-part')).sort((x, y) => (x.key.split('/')[1] ?? '').localeCompare(y.key.split('/')[1] ?? ''));
    assert.equal(parts.length, count);
    const content = Buffer.concat(await Promise.all(parts.map(async (p) => gunzipSync(await readFile(p.path)))));
    assert.equal(sha256(content), sha256(source), 'every record lands exactly once across the parts');
    const done = (await entries()).find((e) => e.filename === 'crm-20261129-v1.ndjson.gz' && e.status === 'Success');
    assert.ok(done?.parts?.length === count && done.parts.every((p) => p.status === 'Success' && p.uploadId));
  });

  test('a part whose connection breaks is sent again alone, with a fresh link', async () => {
    const source = customers(3000, 'reset');
    const path = await writeTestFile(sb.work, 'reset-20261129-v1.ndjson', source);
    // A sandbox of its own whose upload links go through a proxy that cuts the first connection
    // after 20 kB: one part's PUT breaks once.
    const cutting: TcpResetProxy = await startTcpResetProxy({ cutAfterBytes: 20_000, cutConnections: 1 });
    const flaky = await startTestSandbox({ s3Origin: cutting.origin });
    cutting.targetPort = Number(new URL(flaky.sandbox.apiUrl).port);
    try {
      const r = await runCli(['upload', path, '--part-size', '40KB', '--concurrency', '1', '--json'], {
        env: { ...env, LEXER_API_URL: flaky.sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: flaky.sandbox.token },
      });
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { parts: Part[] };
      assert.ok(out.parts.length >= 2, `${out.parts.length} parts`);
      assert.equal(cutting.cuts, 1);
      const links = flaky.sandbox.requestLog.filter((l) => l.method === 'POST' && l.path === '/v1/uploads').length;
      assert.equal(links, out.parts.length + 1, 'one more link than parts: only the broken part was asked for again');
      const stored = (await flaky.sandbox.storedFiles()).sort((x, y) => (x.key.split('/')[1] ?? '').localeCompare(y.key.split('/')[1] ?? ''));
      assert.equal(stored.length, out.parts.length, 'each part stored once');
      const content = Buffer.concat(await Promise.all(stored.map(async (p) => gunzipSync(await readFile(p.path)))));
      assert.equal(sha256(content), sha256(source));
    } finally {
      await flaky.stop();
      await cutting.close();
    }
  });

  test('the duplicate guard: same content under another name exits 1 with `duplicate`; one byte changed is sent; --allow-duplicate sends', async () => {
    const source = customers(200, 'dup');
    const a = await writeTestFile(sb.work, 'export-20261126-v1.ndjson', source);
    const first = await runCli(['upload', a, '--json'], { env });
    assert.equal(first.code, 0, first.stderr);
    const sentAs = JSON.parse(first.stdout) as { uploadId: string };
    const b = await writeTestFile(sb.work, 'export-copy-20261129-v1.ndjson', source);
    const storedBefore = (await sb.sandbox.storedFiles()).length;
    const dup = await runCli(['upload', b, '--json'], { env });
    assert.equal(dup.code, 1);
    const out = JSON.parse(dup.stdout) as { ok: boolean; error: { code: string; message: string; hint: string }; duplicate: { uploadIds: string[] } };
    assert.equal(out.error.code, 'duplicate');
    assert.match(out.error.message, /^This file was already sent to the sandbox on this computer \(not Lexer\) on \d+ \w+ \d{4} at \d\d:\d\d as export-20261126-v1\.ndjson\.gz \(upload id \d+\)\.$/);
    assert.match(out.error.hint, /--allow-duplicate/);
    assert.deepEqual(out.duplicate.uploadIds, [sentAs.uploadId]);
    const text = await runCli(['upload', b], { env });
    assert.equal(text.code, 1);
    assert.match(text.stdout, /Not sent +.*export-copy-20261129-v1\.ndjson: This file was already sent to the sandbox on this computer \(not Lexer\) on/);
    assert.equal((await sb.sandbox.storedFiles()).length, storedBefore, 'nothing sent');

    const changed = Buffer.from(source);
    changed[changed.length >> 1] = 0x20;
    const c = await writeTestFile(sb.work, 'export-edit-20261129-v1.ndjson', changed);
    assert.equal((await runCli(['upload', c], { env })).code, 0, 'one byte changed is not a duplicate');
    const again = await runCli(['upload', b, '--allow-duplicate', '--json'], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.equal((await sb.sandbox.storedFiles()).length, storedBefore + 2);
  });

  test('Ctrl+C while it waits for a link: Cancelled, and the compressed copy is gone', async () => {
    // The first 429 meets the link asked for while compressing (which gives up at once), the second the upload's own ask.
    sb.sandbox.faults.apiResponses.push({ status: 429, retryAfter: 120 }, { status: 429, retryAfter: 120 });
    const path = await writeTestFile(sb.work, 'stop-20261129-v1.ndjson', customers(300, 'stop'));
    const { child, done } = startCli(['upload', path], { env });
    await untilStdout(child, 'retrying:');
    assert.equal((await workspaces()).length, 1, 'the compressed copy waits in the temporary folder');
    child.kill('SIGINT');
    const r = await done;
    sb.sandbox.faults.apiResponses.length = 0;
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Cancelled +.*stop-20261129-v1\.ndjson/);
    assert.deepEqual(await workspaces(), [], 'and is gone after the cancel');
  });
});
