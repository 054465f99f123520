import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFileName, defaultDatasetFileName, fixFileName } from '../../../main/engine/names/file-name-rules.js';

const DAY = new Date(2026, 10, 26); // 26 November 2026, local time
const fix = (name: string) => fixFileName(name, { addDate: DAY });

describe('checkFileName', () => {
  test('accepts names that follow {descriptor}-{date}-{version}.{ext}', () => {
    for (const name of ['customers-20261126-v1.csv', 'My_Sales-data-20250101-v12.ndjson.gz', 'orders-19991231-V3.json', 'x-20240229-v1.csv.gz']) {
      assert.deepEqual(checkFileName(name), { valid: true, problems: [] }, name);
    }
  });

  test('names each broken rule in a plain sentence', () => {
    const { valid, problems } = checkFileName('My File (2).CSV');
    assert.equal(valid, false);
    assert.ok(problems.includes('The name has characters other than letters, digits, "-" and "_": " ", "(", ")".'));
    assert.ok(problems.includes('The name has no date (YYYYMMDD).'));
    assert.ok(problems.includes('The name has no version (v1).'));
    assert.ok(problems.some((p) => p.includes('".CSV" is not lower-case')));
  });

  test('is case-sensitive about the extension and knows only csv/json/ndjson (+ .gz)', () => {
    assert.equal(checkFileName('a-20261126-v1.Json').valid, false);
    assert.match(checkFileName('a-20261126-v1.txt').problems.join(' '), /does not end in \.csv, \.json or \.ndjson/);
    assert.match(checkFileName('a-20261126-v1').problems.join(' '), /does not end in/);
  });

  test('refuses impossible dates, YYYY-MM-DD, and parts out of order', () => {
    assert.match(checkFileName('a-20260231-v1.csv').problems.join(' '), /"20260231" is not a real date/);
    assert.match(checkFileName('a-2026-11-26-v1.csv').problems.join(' '), /should be written YYYYMMDD \("20261126"\)/);
    assert.match(checkFileName('a-v1-20261126.csv').problems.join(' '), /not in the order/);
    assert.match(checkFileName('a_20261126_v1.csv').problems.join(' '), /joined by "-"/);
    assert.match(checkFileName('20261126-v1.csv').problems.join(' '), /no descriptor/);
    assert.deepEqual(checkFileName(''), { valid: false, problems: ['The name is empty.'] });
  });

  test('knows leap years: 29 February 2000 is a date, 1900 was no leap year', () => {
    assert.deepEqual(checkFileName('x-20000229-v1.csv'), { valid: true, problems: [] });
    assert.match(checkFileName('x-19000229-v1.csv').problems.join(' '), /"19000229" is not a real date/);
  });
});

describe('fixFileName', () => {
  const table: Array<[string, string]> = [
    ['My File (2).CSV', 'My_File_2-20261126-v1.csv'],
    ['Café Straße.ndjson.gz', 'Cafe_Strasse-20261126-v1.ndjson.gz'],
    ['Données clients.JSON', 'Donnees_clients-20261126-v1.json'],
    ['sales-v2.json', 'sales-20261126-v2.json'],
    ['sales-20250101.csv', 'sales-20250101-v1.csv'],
    ['sales-2025-01-01-v3.csv', 'sales-20250101-v3.csv'],
    ['sales_20250101_v3.csv', 'sales-20250101-v3.csv'],
    ['customers-20250101-2.ndjson', 'customers-20250101-v2.ndjson'],
    ['customers-20250101-1234.ndjson', 'customers-1234-20250101-v1.ndjson'],
    ['v4-sales-20250101.csv', 'sales-20250101-v4.csv'],
    ['a__b--c  d.csv', 'a_b-c_d-20261126-v1.csv'],
    ['--edge__.csv', 'edge-20261126-v1.csv'],
    ['!!!.csv', 'file-20261126-v1.csv'],
    ['report.final.csv', 'report_final-20261126-v1.csv'],
    ['customers-20261126-v1.csv', 'customers-20261126-v1.csv'],
    // Valid as they are, doubled or leading separators included: a valid name is never touched.
    ['a__b-20261126-v1.csv', 'a__b-20261126-v1.csv'],
    ['_data-20261126-v1.csv', '_data-20261126-v1.csv'],
    ['a--b-20261126-v1.ndjson.gz', 'a--b-20261126-v1.ndjson.gz'],
  ];
  for (const [input, expected] of table) {
    test(`${JSON.stringify(input)} -> ${expected}`, () => assert.equal(fix(input), expected));
  }

  test('output always passes the check and fixing again changes nothing', () => {
    const odd = ['.csv', ' .csv ', '.ndjson.gz', 'ÀÉÎÕÜ ñ.CSV.GZ', '中文 数据.csv', 'a\tb\nc.json', '😀 emoji.ndjson', 'x-20260231-v1.csv', 'v1.csv',
      '20261126.json', 'A-B-C-D.csv', 'name with "quotes" & ampersand.csv', ...table.map(([i]) => i)];
    for (const name of odd) {
      const once = fix(name);
      assert.deepEqual(checkFileName(once), { valid: true, problems: [] }, `${JSON.stringify(name)} -> ${once}`);
      assert.equal(fix(once), once, `idempotent for ${JSON.stringify(name)}`);
    }
  });

  test('keeps case and adds today by default', () => {
    const today = new Date();
    const ymd = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
    assert.equal(fixFileName('MixedCase.csv'), `MixedCase-${ymd}-v1.csv`);
  });

  test('can leave the date or version out when asked', () => {
    assert.equal(fixFileName('My File.csv', { addDate: false }), 'My_File-v1.csv');
    assert.equal(fixFileName('My File.csv', { addDate: DAY, addVersion: false }), 'My_File-20261126.csv');
  });

  test('cannot invent an extension: an unknown one is kept, lower-cased, and still reported', () => {
    const fixed = fix('Notes.TXT');
    assert.equal(fixed, 'Notes-20261126-v1.txt');
    assert.equal(checkFileName(fixed).valid, false);
  });
});

describe('defaultDatasetFileName', () => {
  test('follows the vendor uploader: {dataset_id}_{record_type}_{unix}.ndjson', () => {
    assert.equal(defaultDatasetFileName('ds-123', 'customer_record', new Date(1_700_000_000_500)), 'ds-123_customer_record_1700000000.ndjson');
  });
  test('cleans the dataset id with the same character rule', () => {
    assert.equal(defaultDatasetFileName('My DS/é', 'purchase', new Date(0)), 'My_DS_e_purchase_0.ndjson');
  });
});
