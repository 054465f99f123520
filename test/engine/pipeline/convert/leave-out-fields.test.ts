// "Keep the record and leave out fields that are invalid": only optional
// fields go, never the link or a required field; both counts are reported, each field by line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useConvertInTemp } from './convert-in-temp.js';
import type { LineError } from '../../../../main/engine/pipeline/validation/types.js';
import { leaveOutInvalidFields } from '../../../../main/engine/pipeline/convert/leave-out-fields.js';
import { getRecordType } from '../../../../main/engine/schemas/record-types.js';

const { convert } = useConvertInTemp('lexer-leave-out-');

const CSV = [
  'link.email,email,date_of_birth,employee_flag,first_name',
  'a@example.com,a@example.com,1985-03-04,true,Ann',
  'b@example.com,not-an-email,1985-02-30,maybe,Bob',
  'not-a-link,c@example.com,1990-01-01,false,Cy',
  '',
].join('\n');

describe('leaving out invalid optional fields', () => {
  test('without the option a bad optional field costs the whole record', async () => {
    const { result } = await convert(CSV);
    assert.deepEqual([result.written, result.rejected, result.leftOut.records], [1, 2, 0]);
  });

  test('with it the record is kept without those fields; a bad link still rejects the record', async () => {
    const seen: LineError[] = [];
    const { result, records } = await convert(CSV, { leaveOutInvalidFields: true, onLeftOut: (e) => seen.push(e) });
    assert.deepEqual([result.rows, result.written, result.rejected], [3, 2, 1]);
    assert.deepEqual(records[1], { link: { email: 'b@example.com' }, first_name: 'Bob' });
    assert.deepEqual([result.leftOut.records, result.leftOut.fields], [1, 3]);
    assert.deepEqual(result.leftOut.summary.map((g) => [g.field, g.rule, g.count]).sort(), [
      ['date_of_birth', 'not a date', 1], ['email', 'not an email address', 1], ['employee_flag', 'not true or false', 1],
    ]);
    assert.deepEqual(seen.map((e) => [e.line, e.identifier, e.field]), [[3, 'b@example.com', 'email'], [3, 'b@example.com', 'date_of_birth'], [3, 'b@example.com', 'employee_flag']]);
    assert.deepEqual(result.errors.map((e) => [e.line, e.field]), [[4, 'link.email']]);
    assert.equal(result.summary[0]?.field, 'link.email');
  });

  test('a required field is never left out (purchase action_at)', async () => {
    const csv = 'link.email,action_at,type,purchase_id,products\na@example.com,yesterday,purchase,p1,"[{""price_paid"": 1, ""quantity"": 1}]"\n';
    const { result } = await convert(csv, { leaveOutInvalidFields: true }, 'purchase');
    assert.deepEqual([result.written, result.rejected, result.leftOut.fields], [0, 1, 0]);
  });

  test('a JSON array is converted with the same option', async () => {
    const json = JSON.stringify([{ link: { email: 'a@example.com' }, date_of_birth: 'soon' }, { link: { email: 'bad' } }]);
    const { result, records } = await convert(json, { leaveOutInvalidFields: true }, 'customer_record', 'json');
    assert.deepEqual(records, [{ link: { email: 'a@example.com' } }]);
    assert.deepEqual([result.leftOut.records, result.rejected], [1, 1]);
    assert.equal(result.leftOut.first[0]?.identifier, 'a@example.com');
  });

  test('a field an object then lacks takes its optional parent with it; a list goes whole', () => {
    const check = getRecordType('product').check;
    const record = { product_id: 'p1', availability: { available: 'perhaps' }, images: ['https://example.com/a.png', 'not a url'], name: 'Hat' };
    const first = check(record);
    assert.ok(!first.ok);
    const kept = leaveOutInvalidFields(record, first.problems, check);
    assert.deepEqual(kept?.record, { product_id: 'p1', name: 'Hat' });
    assert.deepEqual(record.images.length, 2, 'the original record is not changed');
  });
});
