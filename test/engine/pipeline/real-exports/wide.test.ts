// Wide CSVs: a header row of thousands of columns is read in time linear in its width, up to
// Excel's 16,384 columns; past that the file is refused naming the cap, and a header longer
// than the preview's first read is still a header (never "its first line is empty").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LexerError } from '../../../../main/engine/errors.js';
import { previewCsv } from '../../../../main/engine/pipeline/csv-preview.js';
import { wideCsv } from './fixtures.js';
import { useExportsInTemp } from './exports-in-temp.js';
import { vendorRead, vendorSkip } from '../../../helpers/vendor-validator.js';

const { convert, write, parity } = useExportsInTemp('lexer-wide-');

const overCap = (e: unknown): boolean => {
  assert.ok(e instanceof LexerError, String(e));
  assert.equal(e.code, 'unsupported-file');
  assert.match(e.message, /has 40,000 columns; Lexer Uploader reads at most 16,384 \(Excel's limit\)\.$/);
  assert.doesNotMatch(e.message, /first line is empty/);
  return true;
};

describe('wide CSVs', () => {
  test('40,000 columns: preview and convert refuse naming the cap of 16,384 columns', async () => {
    const csv = wideCsv(40_000);
    await assert.rejects(previewCsv(await write('attributes.csv', csv)), overCap);
    await assert.rejects(convert('attributes.csv', csv), overCap);
  });

  test('16,384 columns, a header longer than the preview\'s first 256 KiB: previewed and converted whole', async () => {
    const csv = wideCsv(16_384);
    assert.ok(csv.indexOf('\n') > 256 * 1024, 'the header row alone is past 256 KiB');
    const p = await previewCsv(await write('attributes.csv', csv));
    assert.equal(p.headers.length, 16_384);
    assert.deepEqual(p.rows.map((r) => r.length), [16_384, 16_384]);
    const { result, records } = await convert('attributes.csv', csv);
    assert.equal(result.written, 2, JSON.stringify(result.errors.slice(0, 3)));
    assert.equal(Object.keys(records[0]?.custom_fields as object).length, 16_383);
  });

  test('two columns 16,000 apart that write one field are still found, by name and letter', async () => {
    const header = ['email', ...Array.from({ length: 16_000 }, (_, i) => `c${i}`), 'Email'];
    const csv = `${header.join(',')}\n${header.map((_, i) => (i === 0 ? 'a@example.com' : String(i))).join(',')}\n`;
    await assert.rejects(convert('attributes.csv', csv, { mapping: { columns: { email: 'link.email', Email: 'link.email' } } }), (e: unknown) => {
      assert.ok(e instanceof LexerError);
      assert.match(e.message, /columns 1 \(A\) and 16002 \(WQL\), "email" and "Email", would both write link\.email/);
      return true;
    });
  });

  test('Lexer\'s validator takes the 16,384-column records', { skip: vendorSkip() }, async () => {
    const { text } = await convert('attributes.csv', wideCsv(16_384));
    for (const r of vendorRead(text, 'customer_record')) parity.check(r.ok && Object.keys(r.value.custom_fields as object).length === 16_383, `wide line ${r.line}`);
    assert.equal(parity.agreements, 2);
  });
});
