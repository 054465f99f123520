import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileKind } from '../../../main/engine/files/file-kind.js';

test('a file kind is told from the extension, whatever its case; .gz is gzip whatever is inside', () => {
  const names = ['a.csv', 'a.NDJSON', 'a.jsonl', 'a.json', 'a.ndjson.gz', 'a.CSV.GZ', 'a.xlsx', 'csv'];
  assert.deepEqual(names.map(fileKind), ['csv', 'ndjson', 'ndjson', 'json', 'gzip', 'gzip', 'other', 'other']);
});
