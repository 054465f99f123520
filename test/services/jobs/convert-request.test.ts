// jobs:convert carries the per-conversion choices through main's checks:
// date orders by column and "keep the record, leave out invalid fields"; anything else is refused,
// and a preset keeps the date orders.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { makeServices, type ServicesFixture } from '../services-fixture.js';

describe('jobs:convert with date orders and kept records', () => {
  let f: ServicesFixture;
  before(async () => {
    f = await makeServices('http://127.0.0.1:9');
  });
  after(() => f.close());

  const request = (path: string, extra: Record<string, unknown> = {}, dateOrders?: unknown) => ({
    path, recordType: 'customer_record', gzip: false, stopOnFirstInvalid: false,
    mapping: { columns: { Email: 'link.email', Born: 'date_of_birth', Other: 'email' }, unknownColumns: 'drop', inferCustomTypes: false, ...(dateOrders === undefined ? {} : { dateOrders }) },
    ...extra,
  });

  test('a chosen order and kept records reach the engine; the export lists the field left out', async () => {
    const path = await f.file('us export.csv', 'Email,Born,Other\na@example.com,03/04/1985,not-an-email\n');
    const report = await f.value('jobs:convert', 'dates-1', request(path, { leaveOutInvalidFields: true }, { Born: 'mdy' }) as never);
    assert.deepEqual([report.written, report.rejected, report.leftOut.records, report.leftOut.fields], [1, 0, 1, 1]);
    assert.deepEqual(JSON.parse((await readFile(report.output, 'utf8')).trim()), { link: { email: 'a@example.com' }, date_of_birth: '1985-03-04' });
    const rows = Papa.parse<string[]>((await f.value('jobs:export-errors', 'dates-1')).trim()).data;
    assert.deepEqual(rows[1]?.slice(0, 4), ['2', 'a@example.com', 'field left out', 'email']);
  });

  test('without a choice, dates that could be either order are refused with the code scripts and the window can tell', async () => {
    const path = await f.file('unclear.csv', 'Email,Born,Other\na@example.com,03/04/1985,\n');
    const r = await f.call('jobs:convert', 'dates-2', request(path) as never);
    assert.ok(!r.ok && r.error.code === 'date-order-unknown' && /"Born" \(date_of_birth\)/.test(r.error.message), JSON.stringify(r));
  });

  for (const [what, extra, orders] of [
    ['an unknown order', {}, { Born: 'dd/mm' }],
    ['orders that are not an object', {}, ['dmy']],
    ['a keep choice that is not true or false', { leaveOutInvalidFields: 'yes' }, undefined],
  ] as const) {
    test(`refuses ${what}`, async () => {
      const r = await f.call('jobs:convert', 'dates-3', request('/tmp/x.csv', extra, orders) as never);
      assert.ok(!r.ok && r.error.code === 'usage', JSON.stringify(r));
    });
  }

  test('a preset keeps its date orders', async () => {
    const mapping = { columns: { Born: 'date_of_birth' }, unknownColumns: 'custom_fields' as const, inferCustomTypes: false, dateOrders: { Born: 'dmy' as const } };
    const saved = await f.value('presets:save', { name: 'AU CRM', recordType: 'customer_record', mapping });
    assert.deepEqual(saved.find((p) => p.name === 'AU CRM')?.mapping.dateOrders, { Born: 'dmy' });
  });
});
