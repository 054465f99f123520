// Encodings real exports come in that are not UTF-8 and do not say so: UTF-16 and UTF-32 without
// a byte-order mark (SQL Server's bcp -w), Mac Roman with CR line ends, and a file that mixes two
// single-byte encodings. Each is read right, or refused naming the candidates and --encoding;
// never a U+FFFD for a byte a common encoding reads.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LexerError } from '../../../../main/engine/errors.js';
import { checkSupportedFile } from '../../../../main/engine/files/supported-file.js';
import { previewCsv } from '../../../../main/engine/pipeline/csv-preview.js';
import { validateNdjsonFile } from '../../../../main/engine/pipeline/validate-ndjson.js';
import { BCP_NAMES, bcpExport, lateWindows1252, MAC_NAMES, MAC_ROMAN_EXPORT, MIXED_MAC_AND_WINDOWS, utf16Ndjson } from './fixtures.js';
import { useExportsInTemp } from './exports-in-temp.js';
import { vendorRead, vendorSkip } from '../../../helpers/vendor-validator.js';

const { convert, write, parity } = useExportsInTemp('lexer-encodings-');
const oracle = { skip: vendorSkip() };
const bcpMapping = { mapping: { columns: { customer_id: 'link.customer_id' } } };

const refusedAs = (code: string, pattern: RegExp) => (e: unknown): boolean => {
  assert.ok(e instanceof LexerError, String(e));
  assert.equal(e.code, code, e.message);
  assert.match(`${e.message} ${e.hint ?? ''}`, pattern);
  return true;
};

describe('UTF-16 and UTF-32 without a byte-order mark', () => {
  for (const encoding of ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as const) {
    test(`${encoding} (bcp -w): preview and conversion read it by its zero bytes and say so`, async () => {
      const path = await write('customers.csv', bcpExport(encoding));
      const p = await previewCsv(path);
      assert.equal(p.encoding, `${encoding.toUpperCase()} (no byte-order mark)`);
      assert.equal(p.delimiter, '\t');
      assert.deepEqual(p.rows.map((r) => r[2]), BCP_NAMES);
      const { result, records } = await convert('customers.csv', bcpExport(encoding), bcpMapping);
      assert.equal(result.encoding, `${encoding.toUpperCase()} (no byte-order mark)`);
      assert.deepEqual(records.map((r) => r.first_name), BCP_NAMES);
      assert.ok(!JSON.stringify(records).includes('\\u0000'), 'no NUL characters in any value');
      assert.match(result.notes[0] ?? '', new RegExp(`is ${encoding.toUpperCase()} without a byte-order mark`));
    });
  }

  test('Lexer\'s validator reads the names as the file holds them', oracle, async () => {
    const { text } = await convert('customers.csv', bcpExport('utf-16le'), bcpMapping);
    const read = vendorRead(text, 'customer_record');
    read.forEach((r, i) => parity.check(r.ok && r.value.first_name === BCP_NAMES[i], `UTF-16 name line ${r.line}`));
    assert.deepEqual(read.map((r) => (r.ok ? r.value.first_name : r.error)), BCP_NAMES);
  });

  test('validate refuses UTF-16 NDJSON without a mark once, naming it; convert writes it as UTF-8', async () => {
    const path = await write('export.ndjson', utf16Ndjson());
    await assert.rejects(validateNdjsonFile(path, 'customer_record'), refusedAs('not-ndjson', /export\.ndjson is UTF-16LE text without a byte-order mark.*NDJSON must be UTF-8.*lexer-upload convert/));
    const { result, records } = await convert('export.ndjson', utf16Ndjson());
    assert.deepEqual(records.map((r) => r.first_name), BCP_NAMES);
    assert.match(result.notes.join('\n'), /is UTF-16LE text without a byte-order mark; Lexer reads NDJSON only as UTF-8, so it was written as UTF-8/);
  });

  test('Lexer\'s validator reads the UTF-8 copy of UTF-16 NDJSON as the file holds it', oracle, async () => {
    const { text } = await convert('export.ndjson', utf16Ndjson());
    const read = vendorRead(text, 'customer_record');
    read.forEach((r, i) => parity.check(r.ok && r.value.first_name === BCP_NAMES[i], `UTF-16 NDJSON line ${r.line}`));
    assert.equal(read.length, BCP_NAMES.length);
  });

  test('an upload of UTF-16 without a mark is refused before anything is sent', async () => {
    const csv = await checkSupportedFile(await write('customers.csv', bcpExport('utf-16le')), { audience: 'cli', sending: true });
    assert.match(csv?.message ?? '', /customers\.csv is UTF-16LE text without a byte-order mark, so Lexer could not tell how to read it/);
    assert.match(csv?.hint ?? '', /lexer-upload convert/);
    const ndjson = await checkSupportedFile(await write('export.ndjson', utf16Ndjson()), { audience: 'cli', sending: true });
    assert.match(ndjson?.message ?? '', /Lexer reads JSON and NDJSON only as UTF-8/);
    assert.equal(await checkSupportedFile(await write('customers.csv', bcpExport('utf-16le')), { audience: 'app' }), null, 'the app\'s card still converts it');
  });
});

describe('Mac Roman, and files no single encoding reads', () => {
  test('an old Mac export (CR line ends) is read as Mac Roman, with no U+FFFD and no "JosŽ"', async () => {
    const p = await previewCsv(await write('contacts.csv', MAC_ROMAN_EXPORT));
    assert.equal(p.encoding, 'Mac Roman');
    assert.equal(p.lineEnding, 'CR');
    const { result, records, text } = await convert('contacts.csv', MAC_ROMAN_EXPORT);
    assert.deepEqual(records.map((r) => r.first_name), MAC_NAMES);
    assert.equal(result.encoding, 'Mac Roman');
    assert.deepEqual(result.fallbackLines, { count: 4, lines: [2, 3, 4, 5], encoding: 'Mac Roman' });
    assert.ok(!text.includes('\ufffd') && !text.includes('Ž'), text);
  });

  test('Lexer\'s validator reads the Mac Roman names as written', oracle, async () => {
    const { text } = await convert('contacts.csv', MAC_ROMAN_EXPORT);
    const read = vendorRead(text, 'customer_record');
    read.forEach((r, i) => parity.check(r.ok && r.value.first_name === MAC_NAMES[i], `Mac Roman name line ${r.line}`));
    assert.equal(read.length, MAC_NAMES.length);
  });

  test('Mac Roman rows joined to Windows-1252 rows: refused naming the lines, both candidates and --encoding; nothing written', async () => {
    await assert.rejects(
      convert('joined.csv', MIXED_MAC_AND_WINDOWS),
      refusedAs('encoding-unknown', /no single encoding reads all of it: lines 2 and 3 do not read as Windows-1252; lines 4 and 5 do not read as Mac Roman\. No output was written\..*--encoding windows-1252 or --encoding mac-roman/),
    );
    const p = await previewCsv(await write('joined.csv', MIXED_MAC_AND_WINDOWS));
    assert.match(p.issues.find((i) => i.kind === 'encoding-unknown')?.message ?? '', /--encoding windows-1252 or --encoding mac-roman/);
    assert.ok(!p.rows.flat().join().includes('\ufffd'));
  });

  test('the person\'s --encoding settles it; a byte the chosen encoding does not define is refused with its line', async () => {
    const { records } = await convert('contacts.csv', MAC_ROMAN_EXPORT, { encoding: 'mac-roman' });
    assert.deepEqual(records.map((r) => r.first_name), MAC_NAMES);
    await assert.rejects(convert('joined.csv', MIXED_MAC_AND_WINDOWS, { encoding: 'windows-1252' }), refusedAs('encoding-unknown', /Line 3 of .* has the byte 0x8D, which Windows-1252 \(--encoding windows-1252\) does not define/));
    await assert.rejects(convert('contacts.csv', MAC_ROMAN_EXPORT, { encoding: 'utf-8' }), refusedAs('encoding-unknown', /Line 2 of .* is not UTF-8 and does not read right as UTF-8, the encoding you chose; it reads as Mac Roman/));
    await assert.rejects(convert('customers.csv', bcpExport('utf-16le'), { encoding: 'windows-1252' }), refusedAs('usage', /has the zero bytes of UTF-16LE text, so it is UTF-16LE, not Windows-1252/));
  });
});

describe('a head of plain ASCII with Windows-1252 further on', () => {
  test('the preview says what the encoding is so far and that conversion reads the whole file, which then names the line', async () => {
    const p = await previewCsv(await write('members.csv', lateWindows1252()), { rows: 5 });
    assert.equal(p.encoding, 'plain ASCII so far (read as UTF-8)');
    assert.match(p.notes.find((n) => n.kind === 'encoding')?.message ?? '', /^The first 256 KiB are plain ASCII.*encoding so far\. Conversion reads the whole file/);
    const { result, records } = await convert('members.csv', lateWindows1252());
    assert.equal(result.encoding, 'Windows-1252');
    assert.deepEqual(result.fallbackLines, { count: 1, lines: [9002], encoding: 'Windows-1252' });
    assert.equal(records.at(-1)?.first_name, 'René');
  });

  test('Lexer\'s validator reads the Windows-1252 line past the head as written', oracle, async () => {
    const { text } = await convert('members.csv', lateWindows1252());
    const last = vendorRead(`${text.trimEnd().split('\n').at(-1) ?? ''}\n`, 'customer_record')[0];
    parity.check(last?.ok === true && last.value.first_name === 'René' && last.value.last_name === 'Lévesque', 'the Windows-1252 line');
  });
});
