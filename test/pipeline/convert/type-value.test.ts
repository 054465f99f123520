import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inferValue, typeValue } from '../../../main/pipeline/convert/type-value.js';

const t = (raw: string, kind: Parameters<typeof typeValue>[1], extra: { enumValues?: string[] } = {}): unknown => typeValue(raw, kind, extra, false);

describe('typeValue', () => {
  test('booleans in the spellings spreadsheets use; anything else is left for the check to report', () => {
    assert.deepEqual(['true', 'No', 'YES', '1', '0', 'maybe'].map((v) => t(v, 'boolean')), [true, false, true, true, false, 'maybe']);
  });
  test('numbers and integers; text that is not one stays text', () => {
    assert.deepEqual([t(' 1.5 ', 'number'), t('1e3', 'number'), t('12', 'integer'), t('1,234', 'number'), t('1.5', 'integer')], [1.5, 1000, 12, '1,234', '1.5']);
  });
  test('dates and date-times are only rewritten when unambiguous', () => {
    assert.equal(t('2024/03/06', 'date'), '2024-03-06');
    assert.equal(t('06/03/2024', 'date'), '06/03/2024');
    assert.equal(t('2024-03-06 10:00:00+10:00', 'date-time'), '2024-03-06T10:00:00+10:00');
    assert.equal(t('1709683200', 'date-time'), 1709683200);
  });
  test('enums take the canonical spelling of a case-insensitive match', () => {
    assert.equal(t('Physical', 'enum', { enumValues: ['physical', 'ecommerce'] }), 'physical');
  });
  test('inferred custom values: plain numbers and true/false only', () => {
    assert.deepEqual(['12', '-0.5', '007', '1e5', 'TRUE', '1234567890123456789'].map(inferValue), [12, -0.5, '007', '1e5', true, '1234567890123456789']);
  });
});
