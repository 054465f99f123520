// What Lexer can load, decided by content as well as name: real files of each
// kind on disk, checked the way the app's card and `lexer-upload upload` check them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSupportedFile } from '../../../main/engine/files/supported-file.js';
import { gzipOf, pdfFile, pngFile, xlsFile, xlsxFile, zipFile } from '../../helpers/office-files.js';

describe('checkSupportedFile', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lexer-supported-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, content: Buffer | string) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  const check = async (name: string, content: Buffer | string, audience: 'app' | 'cli' = 'app') =>
    checkSupportedFile(await file(name, content), { audience });

  test('CSV, JSON, NDJSON and gzipped NDJSON pass, UTF-16 CSV from Excel included', async () => {
    assert.equal(await check('a-20260101-v1.csv', 'email\njane@example.com\n'), null);
    assert.equal(await check('a-20260101-v1.json', '[{"link":{"email":"a@example.com"}}]'), null);
    assert.equal(await check('a-20260101-v1.ndjson', '{"link":{"email":"a@example.com"}}\n'), null);
    assert.equal(await check('a-20260101-v1.jsonl', '{"a":1}\n'), null);
    assert.equal(await check('a-20260101-v1.ndjson.gz', gzipOf('{"a":1}\n'.repeat(1000))), null);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email,name\r\njane@example.com,Jane\r\n', 'utf16le')]);
    assert.equal(await check('excel-utf16-20260101-v1.csv', utf16), null);
  });

  test('an Excel workbook is refused with the Save As CSV UTF-8 sentence, whatever its name', async () => {
    for (const name of ['customers_export.xlsx', 'customers-20260101-v1.csv']) {
      const e = await check(name, xlsxFile());
      assert.equal(e?.code, 'unsupported-file', name);
      assert.match(e.message, new RegExp(`^${name.replace('.', '\\.')} is an Excel workbook`));
      assert.equal(e.hint, "Excel workbooks can't be loaded: in Excel choose File > Save As > CSV UTF-8, then drop the .csv here.");
    }
    assert.match((await check('old.xls', xlsFile()))?.hint ?? '', /File > Save As > CSV UTF-8/);
    assert.match((await check('book.xlsx', xlsxFile(), 'cli'))?.hint ?? '', /then upload the \.csv\.$/);
  });

  test('images, PDFs and zips are refused, also under a .csv name', async () => {
    assert.match((await check('logo.png', pngFile()))?.message ?? '', /is an image/);
    assert.match((await check('customers-20260101-v1.csv', pngFile()))?.message ?? '', /is an image/);
    assert.match((await check('report.pdf', pdfFile()))?.message ?? '', /is a PDF document/);
    const zip = await check('data-20260101-v1.csv', zipFile({ 'customers.csv': 'email\na@example.com\n' }));
    assert.match(zip?.message ?? '', /is a zip archive/);
    assert.match(zip?.hint ?? '', /unzip it/);
  });

  test('a .gz holding a workbook, a .gz that is not gzip, and gzip under a plain name are refused', async () => {
    assert.match((await check('book-20260101-v1.csv.gz', gzipOf(xlsxFile())))?.message ?? '', /gzipped file holding an Excel workbook/);
    assert.match((await check('plain-20260101-v1.ndjson.gz', '{"a":1}\n'))?.message ?? '', /not gzip-compressed/);
    const hidden = await check('packed-20260101-v1.ndjson', gzipOf('{"a":1}\n'));
    assert.match(hidden?.message ?? '', /gzip-compressed, but its name does not end in \.gz/);
    assert.match(hidden?.hint ?? '', /Rename it to packed-20260101-v1\.ndjson\.gz/);
  });

  test('other names are refused even when the content is text, with a rename hint', async () => {
    const e = await check('customers.txt', 'email\na@example.com\n');
    assert.equal(e?.code, 'unsupported-file');
    assert.match(e.hint ?? '', /rename it to end in \.csv/);
  });

  test('an empty or missing file is left to the upload checks (no refusal here)', async () => {
    assert.equal(await check('empty-20260101-v1.csv', ''), null);
    assert.equal(await checkSupportedFile(join(dir, 'gone.csv'), { audience: 'app' }), null);
  });
});
