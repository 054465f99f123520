// Files whose shape, not their values, is off: two exports joined with `cat` (a header row
// mid-file), `jq .` output named .ndjson, a gzip download cut short, a file of zero bytes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { LexerError } from '../../../../main/engine/errors.js';
import { checkSupportedFile } from '../../../../main/engine/files/supported-file.js';
import { previewCsv } from '../../../../main/engine/pipeline/csv-preview.js';
import { convertToNdjson } from '../../../../main/engine/pipeline/convert-to-ndjson.js';
import { validateNdjsonFile } from '../../../../main/engine/pipeline/validate-ndjson.js';
import { JQ_PRETTY, JQ_RECORDS, POS_JOINED, truncatedGzip, ZERO_BYTES } from './fixtures.js';
import { useExportsInTemp } from './exports-in-temp.js';
import { vendorRead, vendorSkip } from '../../../helpers/vendor-validator.js';

const { convert, write, parity } = useExportsInTemp('lexer-framing-');
const oracle = { skip: vendorSkip() };

const refusedAs = (code: string, pattern: RegExp) => (e: unknown): boolean => {
  assert.ok(e instanceof LexerError, String(e));
  assert.equal(e.code, code, e.message);
  assert.match(`${e.message} ${e.hint ?? ''}`, pattern);
  return true;
};

describe('a header row repeated mid-file', () => {
  test('two POS loyalty exports joined with cat: the second header (after its BOM) is skipped with a note naming its line', async () => {
    const { result, records } = await convert('loyalty_members.csv', POS_JOINED);
    assert.deepEqual(records.map((r) => r.first_name), ['Ann', 'Bob', 'Cy', 'Di']);
    assert.deepEqual([result.rows, result.rejected], [4, 0]);
    assert.ok(result.notes.includes('Line 4 repeats the header row, as where exports are joined one after another; it was skipped, not converted as customers.'), result.notes.join('\n'));
    const p = await previewCsv(await write('loyalty_members.csv', POS_JOINED));
    assert.deepEqual(p.rows.map((r) => r[1]), ['Ann', 'Bob', 'Cy', 'Di']);
    assert.match(p.notes.find((n) => n.kind === 'repeated-header')?.message ?? '', /^Line 4 repeats the header row.*conversion skips it/);
  });

  test('Lexer\'s validator finds no customer named "First Name"', oracle, async () => {
    const { text } = await convert('loyalty_members.csv', POS_JOINED);
    for (const r of vendorRead(text, 'customer_record')) parity.check(r.ok && r.value.first_name !== 'First Name', `joined export line ${r.line}`);
  });
});

describe('pretty-printed JSON named .ndjson', () => {
  test('validate says it is JSON over several lines and that convert (or jq -c) makes NDJSON', async () => {
    const path = await write('profiles.ndjson', JQ_PRETTY);
    await assert.rejects(validateNdjsonFile(path, 'customer_record'), refusedAs('not-ndjson', /profiles\.ndjson holds JSON written over several lines \(pretty-printed, as `jq \.` writes it\).*lexer-upload convert .*profiles\.ndjson --record-type TYPE.*jq -c/));
  });

  test('convert writes it one record per line, saying so', async () => {
    const { result, records } = await convert('profiles.ndjson', JQ_PRETTY);
    assert.deepEqual(records, JQ_RECORDS);
    assert.match(result.notes.join('\n'), /holds JSON written over several lines \(pretty-printed\), not one record per line: each record was written on a line of its own/);
    assert.equal(result.position, 'record');
  });

  test('Lexer\'s validator takes every line convert wrote', oracle, async () => {
    const { text } = await convert('profiles.ndjson', JQ_PRETTY);
    const read = vendorRead(text, 'customer_record');
    for (const r of read) parity.check(r.ok, `pretty JSON line ${r.line}`);
    assert.equal(read.length, 2);
  });
});

describe('a gzip file cut short', () => {
  test('validate and convert say it is cut short and how much was readable; convert leaves no output', async () => {
    const { bytes } = truncatedGzip();
    const path = await write('customers.ndjson.gz', bytes);
    const cutShort = refusedAs('file-unreadable', /customers\.ndjson\.gz is cut short: its gzip data ends before the end of the compressed stream\. [\d.]+ [KM]B of it could be read when unpacked \([\d,]+ whole lines\).*download or copy the file again/);
    await assert.rejects(validateNdjsonFile(path, 'customer_record'), cutShort);
    const output = `${path}.out.ndjson`;
    await assert.rejects(convertToNdjson(path, { recordType: 'customer_record', output }), cutShort);
    assert.equal(existsSync(output), false);
  });
});

describe('a file of zero bytes only', () => {
  test('is refused as "not a text file (only zero bytes)" by upload, preview and convert', async () => {
    const path = await write('customers.csv', ZERO_BYTES);
    const zeros = /customers\.csv is not a text file \(only zero bytes\).*download or copy it again/;
    const upload = await checkSupportedFile(path, { audience: 'cli', sending: true });
    assert.match(`${upload?.message} ${upload?.hint}`, zeros);
    await assert.rejects(previewCsv(path), refusedAs('unsupported-file', zeros));
    await assert.rejects(convertToNdjson(path, { recordType: 'customer_record' }), refusedAs('unsupported-file', zeros));
  });
});
