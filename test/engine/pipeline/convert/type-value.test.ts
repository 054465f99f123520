import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inferValue, typeValue, TypingProblem, type TypingOptions } from '../../../../main/engine/pipeline/convert/type-value.js';

const t = (raw: string, kind: Parameters<typeof typeValue>[1], extra: TypingOptions = {}): unknown => typeValue(raw, kind, extra, false);

describe('typeValue', () => {
  test('booleans in the spellings spreadsheets use; anything else is left for the check to report', () => {
    assert.deepEqual(['true', 'No', 'YES', '1', '0', 'maybe'].map((v) => t(v, 'boolean')), [true, false, true, true, false, 'maybe']);
    // pydantic v1's BOOL_TRUE / BOOL_FALSE also read on/off and t/f.
    assert.deepEqual(['On', 'off', 'T', 'f', ' y '].map((v) => t(v, 'boolean')), [true, false, true, false, true]);
  });
  test('numbers and integers; text that is not one stays text', () => {
    assert.deepEqual([t(' 1.5 ', 'number'), t('1e3', 'number'), t('12', 'integer'), t('1,234', 'number'), t('1.5', 'integer')], [1.5, 1000, 12, '1,234', '1.5']);
  });
  test('dates and date-times are rewritten as ISO, day and month in the column\'s order', () => {
    assert.equal(t('2024/03/06', 'date'), '2024-03-06');
    assert.equal(t('06/03/2024', 'date', { dateOrder: 'dmy' }), '2024-03-06');
    assert.equal(t('06/03/2024', 'date', { dateOrder: 'mdy' }), '2024-06-03');
    const unknown = t('06/03/2024', 'date');
    assert.ok(unknown instanceof TypingProblem && unknown.rule === 'date order not known', 'without an order, a day-or-month date is never guessed');
    assert.equal(t('06/03/2024 14:05', 'date-time', { dateOrder: 'dmy' }), '2024-03-06T14:05:00');
    assert.equal(t('2024-03-06 10:00:00+10:00', 'date-time'), '2024-03-06T10:00:00+10:00');
    assert.equal(t('1709683200', 'date-time'), 1709683200);
  });
  test('lists split on | or, without one, on commas (tag lists)', () => {
    assert.deepEqual(t('VIP, Newly Acquired', 'array', { itemKind: 'string' }), ['VIP', 'Newly Acquired']);
    assert.deepEqual(t('a,b|c', 'array', { itemKind: 'string' }), ['a,b', 'c']);
    assert.deepEqual(t('["x, y"]', 'array', { itemKind: 'string' }), ['x, y']);
  });
  test('enums take the canonical spelling of a case-insensitive match', () => {
    assert.equal(t('Physical', 'enum', { enumValues: ['physical', 'ecommerce'] }), 'physical');
  });
  test('inferred custom values: plain numbers and true/false only', () => {
    assert.deepEqual(['12', '-0.5', '007', '1e5', 'TRUE', '1234567890123456789'].map(inferValue), [12, -0.5, '007', '1e5', true, '1234567890123456789']);
  });
});
