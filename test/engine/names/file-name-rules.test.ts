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

  test('says exactly what is wrong, and nothing that is not', () => {
    const ORDER = 'The parts are not in the order {descriptor}-{date}-{version} joined by "-" (e.g. "customers-20261126-v1.csv").';
    const NO_DATE = 'The name has no date (YYYYMMDD).';
    const NO_VERSION = 'The name has no version (v1).';
    const table: Array<[string, string[]]> = [
      ['   ', ['The name is empty.']],
      ['a-20261126-v1-final.csv', [ORDER]],
      ['v1-a-20261126.csv', [ORDER]],
      ['20261126-v1.csv', ['The name has no descriptor before the date (e.g. "customers-20261126-v1.csv").']],
      ['a-2026-11-26-v1.csv', ['The date "2026-11-26" should be written YYYYMMDD ("20261126"), since "-" separates the parts of the name.']],
      ['2025-01-01-v1.csv', ['The date "2025-01-01" should be written YYYYMMDD ("20250101"), since "-" separates the parts of the name.']],
      // A separated date that is no real day is no date at all, not one written the wrong way.
      ['a-2026-02-31-v1.csv', [NO_DATE]],
      ['a-20261301-v1.csv', ['"20261301" is not a real date; the name has no date (YYYYMMDD).']],
      // Nine digits hold a date but are none.
      ['a-120261126-v1.csv', [NO_DATE]],
      ['a-202611261-v1.csv', [NO_DATE]],
      ['a-v1.csv', [NO_DATE]],
      ['a-20261126.csv', [NO_VERSION]],
      ['a-20261126-rev1.csv', [NO_VERSION]],
      ['a-20261126-v1x.csv', [NO_VERSION]],
      ['a b-20261126-v1.csv', ['The name has characters other than letters, digits, "-" and "_": " ".']],
      ['a-20261126-v1.CSV', ['The extension ".CSV" is not lower-case; names are case-sensitive, so use ".csv".']],
    ];
    for (const [name, problems] of table) assert.deepEqual(checkFileName(name), { valid: false, problems }, JSON.stringify(name));
  });

  test('an extension must end the name: ".csv.bak" is not one Lexer takes', () => {
    assert.match(checkFileName('x-20261126-v1.csv.bak').problems[0] ?? '', /does not end in \.csv, \.json or \.ndjson/);
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
    ['Ærø.csv', 'AEro-20261126-v1.csv'],
    ['Éà.csv', 'Ea-20261126-v1.csv'],
    ['  report.csv  ', 'report-20261126-v1.csv'],
    [' data.ndjson.gz ', 'data-20261126-v1.ndjson.gz'],
    // A number right after the date is its version; anywhere else it is part of the descriptor.
    ['customers-20250101-12.ndjson', 'customers-20250101-v12.ndjson'],
    ['20250101-2.csv', 'file-20250101-v2.csv'],
    ['v2-sales-20250101-7.csv', 'sales-7-20250101-v2.csv'],
    ['sales-20250101-x-3.csv', 'sales-x-3-20250101-v1.csv'],
    ['123.csv', '123-20261126-v1.csv'],
    ['20250101-sales.csv', 'sales-20250101-v1.csv'],
    ['2025-01-01-sales.csv', 'sales-20250101-v1.csv'],
    ['sales_2025_01_01.csv', 'sales-20250101-v1.csv'],
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
    // Nor can it tell an extension in a name without one, or in a dot at either end.
    assert.equal(fix('Notes.TX T'), 'Notes-20261126-v1.txt');
    assert.equal(fix('README'), 'README-20261126-v1');
    assert.equal(fix('Notes.'), 'Notes-20261126-v1');
    assert.equal(fix('.profile'), 'profile-20261126-v1');
  });
});

describe('defaultDatasetFileName', () => {
  test('follows the vendor uploader: {dataset_id}_{record_type}_{unix}.ndjson', () => {
    assert.equal(defaultDatasetFileName('ds-123', 'customer_record', new Date(1_700_000_000_500)), 'ds-123_customer_record_1700000000.ndjson');
  });
  test('cleans the dataset id with the same character rule', () => {
    assert.equal(defaultDatasetFileName('My DS/é', 'purchase', new Date(0)), 'My_DS_e_purchase_0.ndjson');
  });
  test('a dataset id with nothing usable in it becomes "dataset"', () => {
    assert.equal(defaultDatasetFileName('!!!', 'purchase', new Date(0)), 'dataset_purchase_0.ndjson');
  });
});
