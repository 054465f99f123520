// The command as it ships (dist/main/cli/bin.js, bundled by `npm run build`): each command loads
// only what it uses, so it starts fast and still works where a package it does not need cannot
// load (a keychain binding with no build for this platform, a broken or partial install).
// Needs `npm run build` first (npm test does it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256File, startTestSandbox, writeTestFile, type TestSandbox } from '../helpers/sandbox.js';
import { lastLine, tempConfig, type CliRun } from './cli-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = join(ROOT, 'dist', 'main', 'cli', 'bin.js');
const PACKAGE = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const EVERY_PACKAGE = Object.keys(PACKAGE.dependencies);
const UPLOAD_AND_SANDBOX = ['@napi-rs/keyring', 'got', 'hpagent', 'p-queue', 's3rver', '@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner', 'write-file-atomic', 'fast-xml-parser', 'cli-progress'];
const PIPELINE_AND_SANDBOX = ['@napi-rs/keyring', 's3rver', '@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner', 'papaparse', 'iconv-lite', 'ajv', 'ajv-formats', '@sinclair/typebox', 'stream-json', 'transliteration', 'cli-progress', 'fast-xml-parser', 'hpagent'];

/**
 * Preloaded with --import: the packages named in LEXER_TEST_BROKEN_PACKAGES (a JSON list) fail to
 * load, as in a broken install, whether imported (a resolve hook) or required (CommonJS).
 */
const BROKEN_PACKAGES_HOOK = String.raw`
import Module, { register } from 'node:module';
const names = JSON.parse(process.env.LEXER_TEST_BROKEN_PACKAGES ?? '[]');
const broken = (s) => names.some((n) => s === n || s.startsWith(n + '/'));
const fail = (s, code) => Object.assign(new Error('Cannot find package ' + s + ' (this test made it fail to load)'), { code });
register('data:text/javascript,' + encodeURIComponent(
  'const names = ' + JSON.stringify(names) + ';' +
  'export async function resolve(s, c, next) {' +
  '  if (names.some((n) => s === n || s.startsWith(n + "/"))) throw Object.assign(new Error("Cannot find package " + s + " (this test made it fail to load)"), { code: "ERR_MODULE_NOT_FOUND" });' +
  '  return next(s, c);' +
  '}'));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (broken(request)) throw fail(request, 'MODULE_NOT_FOUND');
  return resolveFilename.call(this, request, ...rest);
};
`;

describe('the built lexer-upload, where packages a command does not use cannot load', () => {
  let sb: TestSandbox;
  let config: Awaited<ReturnType<typeof tempConfig>>;
  let hook: string;

  /** Runs the built command with `broken` packages failing to load. */
  async function runBuilt(args: readonly string[], o: { broken: readonly string[]; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
    const env = {
      ...process.env, LEXER_UPLOAD_API_TOKEN: '', LEXER_API_URL: '', NO_COLOR: '1', ...config.env,
      LEXER_TEST_BROKEN_PACKAGES: JSON.stringify(o.broken), ...o.env,
    };
    const child = spawn(process.execPath, ['--import', hook, BUILT, ...args], { cwd: sb.work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    return { code, stdout, stderr };
  }

  before(async () => {
    assert.ok(existsSync(BUILT), `${BUILT} is missing: run \`npm run build\` first (npm test does).`);
    sb = await startTestSandbox();
    config = await tempConfig();
    hook = join(sb.work, 'broken-packages.mjs');
    await writeFile(hook, BROKEN_PACKAGES_HOOK);
  });
  after(async () => {
    await sb.stop();
    await config.cleanup();
  });

  test('--help and check-name need no package at all', async () => {
    const help = await runBuilt(['--help'], { broken: EVERY_PACKAGE });
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /Usage: lexer-upload/);
    assert.match(help.stdout, /upload \[options\] <files\.\.\.>/);
    const name = await runBuilt(['check-name', 'My Export.csv', '--date', '20261126'], { broken: EVERY_PACKAGE });
    assert.equal(name.code, 1, name.stderr);
    assert.equal(lastLine(name.stdout), 'My_Export-20261126-v1.csv');
  });

  test('preview and validate work without the upload, sandbox and keychain packages', async () => {
    await writeTestFile(sb.work, 'people.csv', 'email,first_name\njane@example.com,Jane\nbob@example.com,Bob\n');
    await writeTestFile(sb.work, 'people.ndjson', '{"link":{"email":"jane@example.com"}}\n{"link":{"customer_id":"C-2"}}\n');
    const preview = await runBuilt(['preview', 'people.csv'], { broken: UPLOAD_AND_SANDBOX });
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /people\.csv: encoding UTF-8, delimiter ",".*2 columns/);
    const validate = await runBuilt(['validate', 'people.ndjson', '--record-type', 'customer_record'], { broken: UPLOAD_AND_SANDBOX });
    assert.equal(validate.code, 0, validate.stderr);
    assert.match(validate.stdout, /2 records, 2 valid, 0 invalid/);
  });

  test('upload with the token in the environment works without the keychain binding, the pipeline and the sandbox packages', async () => {
    const path = await writeTestFile(sb.work, 'members-20261126-v1.csv', 'id,email\n1,jane@example.com\n');
    const r = await runBuilt(['upload', path, '--json'], {
      broken: PIPELINE_AND_SANDBOX, env: { LEXER_API_URL: sb.sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: sb.sandbox.token },
    });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { ok: boolean; uploadId: string };
    assert.equal(out.ok, true);
    const stored = (await sb.sandbox.storedFiles()).find((f) => f.key === `${out.uploadId}/members-20261126-v1.csv`);
    assert.ok(stored, 'the file landed');
    assert.equal(await sha256File(stored.path), await sha256File(path));
    const history = JSON.parse(await readFile(join(config.dir, 'history.json'), 'utf8')) as { entries: Array<{ uploadId: string; status: string }> };
    assert.equal(history.entries.find((e) => e.uploadId === out.uploadId)?.status, 'Success');
  });

  test('where the keychain binding cannot load, token commands fall back to the plain file and say so', async () => {
    const r = await runBuilt(['token', 'status'], { broken: ['@napi-rs/keyring'], env: { LEXER_UPLOAD_VAULT: '' } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No token is stored/);
    assert.match(r.stdout, /plain file .* it is not encrypted/);
  });

  test('an engine error keeps its own message in the shipped command (one LexerError across the bundle and the engine)', async () => {
    await writeTestFile(sb.work, 'empty.csv', '');
    const r = await runBuilt(['convert', 'empty.csv', '--record-type', 'customer_record'], { broken: [] });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^Error: empty\.csv is empty\./m);
    assert.doesNotMatch(r.stderr, /unexpected/i);
  });

  test('validate and convert of files big enough for worker threads run them from the bundle and count right', async () => {
    // Above the pipeline's thresholds (8 MiB for validate, 4 MiB for convert), so workers start.
    const lines: string[] = [];
    for (let i = 1; i <= 160_000; i += 1) {
      lines.push(i % 1000 === 0 ? '{"link":{"email":"not-an-email"}}' : `{"link":{"email":"user${i}@example.com"},"first_name":"Name${i}"}`);
    }
    await writeTestFile(sb.work, 'many.ndjson', `${lines.join('\n')}\n`);
    const validate = await runBuilt(['validate', 'many.ndjson', '--record-type', 'customer_record', '--json'], { broken: [] });
    assert.equal(validate.code, 1, validate.stderr);
    const report = JSON.parse(validate.stdout) as { total: number; invalid: number; errors: Array<{ line: number }> };
    assert.deepEqual([report.total, report.invalid, report.errors[0]?.line], [160_000, 160, 1000]);

    const rows = Array.from({ length: 180_000 }, (_, i) => `user${i + 1}@example.com,Name${i + 1}`);
    await writeTestFile(sb.work, 'many.csv', `link.email,first_name\n${rows.join('\n')}\n`);
    const convert = await runBuilt(['convert', 'many.csv', '--record-type', 'customer_record', '-o', 'many-out.ndjson', '--json'], { broken: [] });
    assert.equal(convert.code, 0, convert.stderr);
    assert.deepEqual((JSON.parse(convert.stdout) as { written: number }).written, 180_000);
    const out = (await readFile(join(sb.work, 'many-out.ndjson'), 'utf8')).trimEnd().split('\n');
    assert.equal(out.length, 180_000);
    assert.deepEqual(JSON.parse(out.at(-1) ?? ''), { link: { email: 'user180000@example.com' }, first_name: 'Name180000' });
  });

  test('the bundled conversion worker reads Windows-1252 lines and makes custom field keys (its packages inlined)', async () => {
    // iconv-lite and transliteration load lazily on the main thread; the worker must carry them.
    const rows = Array.from({ length: 180_000 }, (_, i) => Buffer.from(`user${i + 1}@example.com,Zo\u00eb${i + 1},${i}\n`));
    rows[90_000] = Buffer.from('user90001@example.com,Jos\xe9,1\n', 'latin1');
    await writeTestFile(sb.work, 'mixed.csv', Buffer.concat([Buffer.from('link.email,first_name,Loyalty Points\n'), ...rows]));
    const convert = await runBuilt(['convert', 'mixed.csv', '--record-type', 'customer_record', '-o', 'mixed-out.ndjson', '--json'], { broken: [] });
    assert.equal(convert.code, 0, convert.stderr);
    const out = (await readFile(join(sb.work, 'mixed-out.ndjson'), 'utf8')).trimEnd().split('\n');
    assert.equal(out.length, 180_000);
    assert.deepEqual(JSON.parse(out[90_000] ?? ''), { link: { email: 'user90001@example.com' }, first_name: 'Jos\u00e9', custom_fields: { loyalty_points: '1' } });
    assert.deepEqual(JSON.parse(out[0] ?? ''), { link: { email: 'user1@example.com' }, first_name: 'Zo\u00eb1', custom_fields: { loyalty_points: '0' } });
  });
});
