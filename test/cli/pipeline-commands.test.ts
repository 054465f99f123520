import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECORD_TYPE_NAMES } from '../../main/schemas/record-type-names.js';
import { runCli } from './cli-helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../../shared/lexer-schemas/examples/', import.meta.url));

describe('lexer-upload validate / convert / preview', () => {
  let work: string;
  before(async () => { work = await mkdtemp(join(tmpdir(), 'lexer-cli-pipeline-')); });
  after(async () => { await rm(work, { recursive: true, force: true }); });

  test('validate: exit 0 when every record is valid', async () => {
    const file = join(work, 'customers.ndjson');
    await copyFile(join(EXAMPLES, 'batch_profile_customer_record.ndjson'), file);
    const r = await runCli(['validate', file, '--record-type', 'customer_record', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { total: number; valid: number; invalid: number; errors: unknown[] };
    assert.ok(out.total > 0);
    assert.deepEqual([out.valid, out.invalid, out.errors], [out.total, 0, []]);
  });

  test('validate: exit 1 with line numbers, messages and a summary by field and rule', async () => {
    const file = join(work, 'mixed.ndjson');
    await writeFile(file, '{"link":{"email":"a@example.com"}}\n{"link":{"email":"nope"}}\n{"link":{"email":"also-bad"}}\n');
    const r = await runCli(['validate', file, '--record-type', 'customer_record', '--json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { total: number; valid: number; invalid: number; errors: Array<{ line: number; message: string }>; summary: Array<{ field: string; count: number }> };
    assert.deepEqual([out.total, out.valid, out.invalid], [3, 1, 2]);
    assert.deepEqual(out.errors.map((e) => e.line), [2, 3]);
    assert.match(out.errors[0]?.message ?? '', /link\.email/);
    assert.deepEqual(out.summary.map((g) => [g.field, g.count]), [['link.email', 2]]);
    const human = await runCli(['validate', file, '--record-type', 'customer_record']);
    assert.match(human.stdout, /3 records, 1 valid, 2 invalid/);
    assert.match(human.stdout, /line 2: link\.email/);
  });

  test('validate: exit 2 for an unknown record type (listing the 12) or an unreadable file', async () => {
    const unknown = await runCli(['validate', join(work, 'customers.ndjson'), '--record-type', 'customer']);
    assert.equal(unknown.code, 2);
    for (const name of RECORD_TYPE_NAMES) assert.ok(unknown.stderr.includes(name));
    const missing = await runCli(['validate', join(work, 'missing.ndjson'), '--record-type', 'product']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*missing\.ndjson: there is no such file/);
    assert.ok(!missing.stderr.includes('    at '), 'no stack trace');
    assert.equal((await runCli(['validate', join(work, 'customers.ndjson')])).code, 2, '--record-type is required');
  });

  test('convert: writes NDJSON, --map corrects one column, rejected rows are reported with their line (exit 1)', async () => {
    const input = join(work, 'export.csv');
    await writeFile(input, 'Email,Points\na@example.com,10\nbad-email,20\n');
    const output = join(work, 'export.ndjson');
    const r = await runCli(['convert', input, '--record-type', 'customer_record', '--map', 'Points=custom_fields.loyalty_points', '-o', output, '--json']);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { rows: number; written: number; rejected: number; errors: Array<{ line: number }>; output: string };
    assert.deepEqual([out.rows, out.written, out.rejected, out.output], [2, 1, 1, output]);
    assert.deepEqual(out.errors.map((e) => e.line), [3]);
    const lines = (await readFile(output, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.deepEqual(lines, [{ link: { email: 'a@example.com' }, custom_fields: { loyalty_points: '10' } }]);
  });

  test('convert: exit 0 when every row converts; a malformed --map is a usage error', async () => {
    const input = join(work, 'clean.csv');
    await writeFile(input, 'link.customer_id,custom_fields.loyalty_points\nA1,5\n');
    const r = await runCli(['convert', input, '--record-type', 'customer_record', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { written: number }).written, 1);
    const bad = await runCli(['convert', input, '--record-type', 'customer_record', '--map', 'no-equals-sign']);
    assert.equal(bad.code, 2);
  });

  test('convert --stop-on-first-invalid: exit 1, names the line, and leaves no output file behind', async () => {
    const input = join(work, 'stop.csv');
    const output = join(work, 'stop.ndjson');
    await writeFile(input, 'link.email\nok@example.com\nnot-an-email\nlater@example.com\n');
    const r = await runCli(['convert', input, '--record-type', 'customer_record', '-o', output, '--stop-on-first-invalid']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /stopped at the first invalid row/);
    assert.match(r.stdout, /line 3: link\.email/);
    await assert.rejects(readFile(output), /ENOENT/, 'a stopped conversion must not leave a file that looks finished');
  });

  test('preview: JSON with encoding, delimiter, headers, rows and the invisible problems', async () => {
    const file = join(work, 'excel.csv');
    await writeFile(file, Buffer.from('\ufeffEmail;Name\r\na@example.com;Ann\r\nb@example.com;Bo;extra\r\n', 'utf8'));
    const r = await runCli(['preview', file, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { encoding: string; delimiter: string; headers: string[]; rows: string[][]; issues: Array<{ kind: string }> };
    assert.equal(out.delimiter, ';');
    assert.match(out.encoding, /UTF-8/);
    assert.deepEqual(out.headers, ['Email', 'Name']);
    assert.deepEqual(out.rows[0], ['a@example.com', 'Ann']);
    const kinds = out.issues.map((i) => i.kind);
    assert.ok(kinds.includes('bom') && kinds.includes('ragged-row'), kinds.join(','));
    const human = await runCli(['preview', file, '--rows', '1']);
    assert.match(human.stdout, /Email +│ Name/);
    assert.doesNotMatch(human.stdout, /b@example\.com/, '--rows 1 shows one row');
    assert.equal((await runCli(['preview', join(work, 'nope.csv')])).code, 2);
  });
});

describe('lexer-upload help and usage', () => {
  test('--help works for the program and every command', async () => {
    for (const args of [[], ['upload'], ['validate'], ['convert'], ['preview'], ['check-name'], ['token'], ['token', 'set'], ['sandbox'], ['ui']]) {
      const r = await runCli([...args, '--help']);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: lexer-upload/);
    }
  });

  test('unknown commands and options exit 2', async () => {
    assert.equal((await runCli(['frobnicate'])).code, 2);
    assert.equal((await runCli(['check-name', 'a.csv', '--bogus'])).code, 2);
    assert.equal((await runCli([])).code, 2);
  });
});
