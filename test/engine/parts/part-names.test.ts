import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFileName } from '../../../main/engine/names/check-file-name.js';
import { partFileName } from '../../../main/engine/parts/part-names.js';

test("parts of a valid name keep Lexer's {descriptor}-{date}-{version} order and pass its rules", () => {
  assert.equal(partFileName('customers-20261129-v1.ndjson.gz', 1, 3), 'customers-part01of03-20261129-v1.ndjson.gz');
  assert.equal(partFileName('pos_export-20261129-v12.csv', 3, 3), 'pos_export-part03of03-20261129-v12.csv');
  for (let i = 1; i <= 3; i++) assert.deepEqual(checkFileName(partFileName('customers-20261129-v1.ndjson.gz', i, 3)), { valid: true, problems: [] });
});

test('names sort in part order, also past 99 parts', () => {
  const names = Array.from({ length: 120 }, (_, i) => partFileName('big-20261129-v1.ndjson.gz', i + 1, 120));
  assert.equal(names[0], 'big-part001of120-20261129-v1.ndjson.gz');
  assert.deepEqual([...names].sort(), names);
  assert.ok(names.every((n) => checkFileName(n).valid));
});

test('one part keeps the name; a name without date and version gets the marker at the end of its stem', () => {
  assert.equal(partFileName('customers-20261129-v1.ndjson.gz', 1, 1), 'customers-20261129-v1.ndjson.gz');
  assert.equal(partFileName('ds_1_customer_record_1764374400.ndjson.gz', 2, 4), 'ds_1_customer_record_1764374400_part02of04.ndjson.gz');
});
