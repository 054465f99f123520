import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { RECORD_TYPE_NAMES, isRecordTypeName } from '../../../main/engine/schemas/record-type-names.js';

test('the record type list names exactly the vendor schemas in ../shared/lexer-schemas/jsonschema', () => {
  const dir = new URL('../../../../shared/lexer-schemas/jsonschema/', import.meta.url);
  const vendor = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
  assert.deepEqual([...RECORD_TYPE_NAMES].sort(), vendor);
});

test('isRecordTypeName accepts the 12 names only', () => {
  assert.ok(isRecordTypeName('customer_record'));
  assert.ok(!isRecordTypeName('customer'));
  assert.ok(!isRecordTypeName(42));
});
