import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { RECORD_TYPE_NAMES } from '../../main/engine/schemas/record-type-names.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { runCli, useSandboxForCli } from './cli-helpers.js';

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
    assert.deepEqual(out.issues.map((i) => i.kind), ['ragged-row']);
    assert.deepEqual((out as unknown as { notes: Array<{ kind: string }> }).notes.map((i) => i.kind), ['bom']);
    const human = await runCli(['preview', file, '--rows', '1']);
    assert.match(human.stdout, /Email +│ Name/);
    assert.doesNotMatch(human.stdout, /b@example\.com/, '--rows 1 shows one row');
    assert.equal((await runCli(['preview', join(work, 'nope.csv')])).code, 2);
  });
});

// Minimal inputs of the kinds real exports hold, through the commands a user runs.
describe('lexer-upload validate / convert / preview answer as Lexer does', () => {
  let work: string;
  before(async () => { work = await mkdtemp(join(tmpdir(), 'lexer-cli-exports-')); });
  after(async () => { await rm(work, { recursive: true, force: true }); });
  const write = async (name: string, content: string | Buffer) => {
    const path = join(work, name);
    await writeFile(path, content);
    return path;
  };

  test('validate: a BOM and blank lines are invalid rows (exit 1), named, with the clean step to run', async () => {
    const file = await write('framed.ndjson', '\uFEFF{"link":{"email":" jane@example.com "}}\n\n{"link":{"email":"b@example.com\\t"}}\n   \n');
    const r = await runCli(['validate', file, '--record-type', 'customer_record']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /4 records, 1 valid, 3 invalid/);
    assert.match(r.stdout, /line 1: starts with a byte-order mark/);
    assert.match(r.stdout, /line 2: is blank; Lexer counts a blank line as a record and refuses it/);
    assert.match(r.stdout, /a byte-order mark and 2 blank lines, which Lexer counts as invalid rows \(every invalid row\)\. `lexer-upload convert .*framed\.ndjson --record-type customer_record` writes a cleaned copy/);
    const json = JSON.parse((await runCli(['validate', file, '--record-type', 'customer_record', '--json'])).stdout) as { framing: unknown; errorCount: number; truncated: boolean };
    assert.deepEqual([json.framing, json.errorCount, json.truncated], [{ byteOrderMarks: 1, blankLines: 2, cleanable: 3 }, 3, false]);
  });

  test('validate: CR-only line ends, emails with spaces, custom_fields: [] and a timestamp date of birth are valid (exit 0)', async () => {
    const lines = [{ link: { email: ' jane@example.com ' } }, { link: { customer_id: 'C1' }, email: '', custom_fields: [] }, { link: { customer_id: 'C2' }, date_of_birth: 479347200 }];
    const r = await runCli(['validate', await write('cr.ndjson', lines.map((l) => JSON.stringify(l)).join('\r') + '\r'), '--record-type', 'customer_record']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /3 records, 3 valid, 0 invalid/);
    assert.match(r.stdout, /warning: date_of_birth: 479347200 is a Unix timestamp; Lexer reads it as the date 1985-03-11 \(line 3\)/);
  });

  test('validate: every failing field of a row, and product images without a top-level domain', async () => {
    const file = await write('product.ndjson', `${JSON.stringify({ product_id: 'P1', price: 'cheap', images: ['https://cdn.example.c/a.jpg'] })}\n`);
    const r = await runCli(['validate', file, '--record-type', 'product']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /line 1: price: "cheap" is not a number\n {2}line 1: images\[0\]: "https:\/\/cdn\.example\.c\/a\.jpg" is not a web address \(URL host invalid, top level domain required\)/);
  });

  test('convert of NDJSON: the clean step removes BOMs and blank lines, saying so (exit 0)', async () => {
    const file = await write('dirty.ndjson', '\uFEFF{"link":{"email":"a@example.com"}}\r\n\r\n{"link":{"email":"b@example.com"}}\r\n');
    const r = await runCli(['convert', file, '--record-type', 'customer_record']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /dirty\.ndjson: cleaned: removed a byte-order mark and a blank line \(lines 1 and 2\), which Lexer counts as invalid rows\./);
    assert.match(r.stdout, /2 rows read, 2 written to .*dirty\.clean\.ndjson, 0 rejected/);
    assert.equal(await readFile(join(work, 'dirty.clean.ndjson'), 'utf8'), '{"link":{"email":"a@example.com"}}\n{"link":{"email":"b@example.com"}}\n');
    assert.equal((await runCli(['validate', join(work, 'dirty.clean.ndjson'), '--record-type', 'customer_record'])).code, 0);
  });

  test('convert: --map naming no column is a usage error (exit 2) listing the closest headers', async () => {
    const file = await write('members.csv', 'Member Code,Email Address\nM1,a@example.com\n');
    const r = await runCli(['convert', file, '--record-type', 'customer_record', '--map', 'MemberCode=link.customer_id']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--map "MemberCode=link\.customer_id" names no column of .*members\.csv\. The closest headers: "Member Code"/);
    const json = await runCli(['convert', await write('a.json', '[]'), '--record-type', 'customer_record', '--map', 'x=email']);
    assert.equal(json.code, 2);
    assert.match(json.stderr, /--map renames CSV columns/);
  });

  test('convert: two headers of the same name are the file\'s problem (exit 1), named by position and letter', async () => {
    const r = await runCli(['convert', await write('dupes.csv', 'link.email,first_name,first_name\na@example.com,A,B\n'), '--record-type', 'customer_record']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /columns 2 \(B\) and 3 \(C\) are both named "first_name"/);
    assert.match(r.stderr, /Rename one of the two headers/);
  });

  test('convert --json: a cut error list says so, with the total; --decimal-comma reads 29,95', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `P${i};${i},5`).join('\n');
    const file = await write('prices.csv', `sep=;\nproduct_id;price\n${rows}\n`);
    const cut = JSON.parse((await runCli(['convert', file, '--record-type', 'product', '--json'])).stdout) as { errors: unknown[]; errorCount: number; truncated: boolean; rejected: number };
    assert.deepEqual([cut.errors.length, cut.errorCount, cut.truncated, cut.rejected], [100, 150, true, 150]);
    const human = await runCli(['convert', file, '--record-type', 'product', '-o', join(work, 'p1.ndjson')]);
    assert.match(human.stdout, /First 20 of 150 problems:\n {2}line 3: price: "0,5" is not a number \(it looks like a decimal comma: write 0\.5\)/);
    assert.match(human.stdout, /add --decimal-comma to read them as 29\.95/);
    const read = await runCli(['convert', file, '--record-type', 'product', '--decimal-comma', '-o', join(work, 'p2.ndjson'), '--json']);
    assert.equal(read.code, 0, read.stdout);
    assert.equal((await readFile(join(work, 'p2.ndjson'), 'utf8')).split('\n')[1], '{"product_id":"P1","price":1.5}');
  });

  test('convert: a mixed UTF-8 / Windows-1252 file names the fallback lines; 20-digit integers keep their digits', async () => {
    const bytes = Buffer.concat([Buffer.from('product_id,name,price\nP1,Zoë,12345678901234567890\n'), Buffer.from([0x50, 0x32, 0x2c, 0x52, 0x65, 0x6e, 0xe9, 0x2c, 0x31, 0x0a])]);
    const r = await runCli(['convert', await write('mixed.csv', bytes), '--record-type', 'product']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Read as UTF-8 and Windows-1252: line 3 was not UTF-8 and was read as Windows-1252/);
    assert.equal(await readFile(join(work, 'mixed.ndjson'), 'utf8'), '{"product_id":"P1","name":"Zoë","price":12345678901234567890}\n{"product_id":"P2","name":"René","price":1}\n');
  });

  test('a header padded with a non-breaking space: preview and convert agree that it is date_of_birth', async () => {
    const file = await write('nbsp.csv', 'link.email,date_of_birth\u00a0\na@example.com,1985-03-11\n');
    const preview = await runCli(['preview', file, '--record-type', 'customer_record']);
    assert.match(preview.stdout, /No problems found/);
    assert.match(preview.stdout, /it is ignored, and the column is read as "date_of_birth"/);
    assert.equal((await runCli(['convert', file, '--record-type', 'customer_record'])).code, 0);
    assert.equal(await readFile(join(work, 'nbsp.ndjson'), 'utf8'), '{"link":{"email":"a@example.com"},"date_of_birth":"1985-03-11"}\n');
  });

  test('a Shopify line-item export as purchase: preview, convert and --map say what a purchase row needs', async () => {
    const file = await write('orders_export.csv', 'Name,Email,Lineitem quantity,Lineitem price\n#1001,a@example.com,2,29.95\n');
    const preview = await runCli(['preview', file, '--record-type', 'purchase']);
    assert.match(preview.stdout, /No column fills action_at, type, purchase_id, products, which every purchase record needs/);
    const convert = await runCli(['convert', file, '--record-type', 'purchase']);
    assert.equal(convert.code, 1);
    assert.match(convert.stdout, /note: No column fills .*one row per line item \(like Shopify's orders export\) becomes one record per order with --group-by/);
    const mapped = await runCli(['convert', file, '--record-type', 'purchase', '--map', 'Lineitem quantity=products.quantity']);
    assert.equal(mapped.code, 2);
    assert.match(mapped.stderr, /products\[\]\.quantity is a field of each item in the list products/);
  });

  test('validate: one object where a list is due says a list is expected; a date written as digits says what Lexer would read', async () => {
    const record = { link: { email: 'a@example.com' }, action_at: '20230306', purchase_id: 'P1', type: 'ecommerce', products: { price_paid: 5, quantity: 1 } };
    const r = await runCli(['validate', await write('purchase.ndjson', `${JSON.stringify(record)}\n`), '--record-type', 'purchase']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /line 1: action_at: "20230306" is not a date-time \(it looks like 2023-03-06 written without dashes; Lexer would read 20230306 as seconds since 1 January 1970 \(1970-08-23\)/);
    assert.match(r.stdout, /line 1: products: .* is not an array \(one object where a list is expected: put it in \[ \]/);
  });

  test('preview: matched suggestions are notes, apart from problems; an ASCII head\'s encoding is plain ASCII so far', async () => {
    const file = await write('crm.csv', 'Email Address,First Name,Notes\u200b\na@example.com,Ann,x\n');
    const r = await runCli(['preview', file, '--record-type', 'customer_record']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No problems found in these rows\.\nNotes:\n {2}- Header "Notes<U\+200B>" \(column 3 \(C\)\) contains a zero-width space/);
    assert.match(r.stdout, / {2}- Header "Email Address" is mapped to link\.email \(suggested from its name\)/);
    assert.doesNotMatch(r.stdout, /problems?:/);
    const big = await write('big.csv', `link.email\n${'a@example.com\n'.repeat(30_000)}`);
    const head = JSON.parse((await runCli(['preview', big, '--json'])).stdout) as { encoding: string };
    assert.equal(head.encoding, 'plain ASCII so far (read as UTF-8)');
  });
});

describe('lexer-upload upload with the sandbox: cleaned copies and retries', () => {
  let sb: TestSandbox;
  let env: NodeJS.ProcessEnv;
  useSandboxForCli((s) => ({ sb, env } = s));

  test('upload --validate of a file whose only faults are a BOM and blank lines sends a cleaned copy, saying so', async () => {
    const path = join(sb.work, 'people.ndjson.gz');
    await writeFile(path, gzipSync('\uFEFF{"link":{"email":"a@example.com"}}\n\n{"link":{"email":"b@example.com"}}\n'));
    const r = await runCli(['upload', path, '--dataset-id', 'ds', '--record-type', 'customer_record', '--validate'], { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /people\.ndjson\.gz: removed a byte-order mark and a blank line, which Lexer counts as invalid rows, and uploaded a cleaned copy\./);
    const stored = (await sb.sandbox.storedFiles()).find((f) => /ds_customer_record_\d+\.ndjson\.gz/.test(f.key));
    assert.ok(stored, 'the cleaned copy reached storage');
    assert.equal(gunzipSync(await readFile(stored.path)).toString('utf8'), '{"link":{"email":"a@example.com"}}\n{"link":{"email":"b@example.com"}}\n');
    const json = await runCli(['upload', path, '--dataset-id', 'ds', '--record-type', 'customer_record', '--validate', '--json'], { env });
    assert.match((JSON.parse(json.stdout) as { note: string }).note, /uploaded a cleaned copy/);
  });

  test('a retried request says which try comes next, counted as the user counts (the second try is attempt 2)', async () => {
    sb.sandbox.faults.apiResponses.push({ status: 503 });
    const path = join(sb.work, 'retry-20261126-v1.csv');
    await writeFile(path, 'a\n1\n');
    const r = await runCli(['upload', path], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /retrying: .*\(attempt 2, in \d+ s\)/);
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
