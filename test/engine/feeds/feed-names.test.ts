import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PATTERNS, parsePatterns } from '../../../main/engine/feeds/feed-config.js';
import { createNameFilter } from '../../../main/engine/feeds/feed-names.js';

test('the default patterns take CSV, NDJSON, JSON and gzip files, whatever the case', () => {
  const takes = createNameFilter(DEFAULT_PATTERNS);
  for (const name of ['sales.csv', 'SALES.CSV', 'people.ndjson', 'array.json', 'people.ndjson.gz', 'export.gz']) assert.ok(takes(name), name);
  for (const name of ['notes.txt', 'book.xlsx', 'people.jsonl']) assert.ok(!takes(name), name);
});

test('names still being written or not data are never taken, even when the pattern matches', () => {
  const takes = createNameFilter(['*']);
  for (const name of ['sales.csv.part', 'sales.csv.crdownload', 'sales.tmp', 'sales.csv.download', '~$sales.csv', '.sales.csv', '._sales.csv', 'sales.csv~']) {
    assert.ok(!takes(name), name);
  }
  assert.ok(takes('sales.csv'));
});

test('a pattern list may be space- or comma-separated', () => {
  assert.deepEqual(parsePatterns('*.csv  *.ndjson,*.gz'), ['*.csv', '*.ndjson', '*.gz']);
  const takes = createNameFilter(parsePatterns('pos-*.csv'));
  assert.ok(takes('pos-20261129.csv'));
  assert.ok(!takes('crm-20261129.csv'));
});
