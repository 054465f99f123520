// The app's side of line-item exports and hashed e-mails: the window asks main for suggestions
// with "One record per" chosen, converts with the mapping's grouping and values, and while Settings
// say e-mail addresses leave only hashed, main hashes every conversion and sends nothing else.
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { POS_SALES } from '../../engine/pipeline/real-exports/order-fixtures.js';
import { useSandboxServices, type ServicesFixture } from '../services-fixture.js';
import type { TestSandbox } from '../../helpers/sandbox.js';

const POS_HEADERS = POS_SALES.split('\r\n')[0]?.split(',') ?? [];
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('orders and hashed e-mails through the app’s services', () => {
  let sb: TestSandbox;
  let f: ServicesFixture;
  useSandboxServices(async (s) => {
    ({ sb, f } = s);
    await f.value('token:save', sb.sandbox.token, 'session');
  });

  test('with "One record per" chosen, line-item fields are offered and suggested, and the conversion counts orders', async () => {
    const plain = (await f.value('schema:fields', 'purchase', false)).map((x) => x.path);
    assert.ok(!plain.some((p) => p.startsWith('products.')), 'one row per record: no column fills a list item');
    const lineFields = await f.value('schema:fields', 'purchase', true);
    for (const p of ['products.quantity', 'products.price_paid', 'products.product_reference.id']) assert.ok(lineFields.some((x) => x.path === p), p);
    assert.ok(!lineFields.some((x) => x.path === 'products'), 'the list itself is not a column target');
    assert.deepEqual(lineFields.find((x) => x.path === 'type')?.enumValues, ['physical', 'ecommerce'], 'an enum offers its values');

    const mapping = await f.value('mapping:suggest', POS_HEADERS, 'purchase', 'Receipt No');
    assert.equal(mapping.groupBy, 'Receipt No');
    assert.equal(mapping.columns.Qty, 'products.quantity');
    assert.deepEqual(mapping.constants, { 'products.product_reference.id_type': 'sku' });

    const path = await f.file('pos sales.csv', POS_SALES);
    const chosen = { ...mapping, columns: { ...mapping.columns, Store: 'store.name', Item: null }, constants: { ...mapping.constants, type: 'physical', 'store.type': 'physical' } };
    const report = await f.value('jobs:convert', 'orders-1', { path, recordType: 'purchase', mapping: chosen, gzip: false, stopOnFirstInvalid: false });
    assert.deepEqual([report.rows, report.rejected, report.orders, report.emails], [5, 0, { written: 3, refused: 0 }, null]);
    const records = (await readFile(report.output, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { purchase_id: string; type: string; products: unknown[] });
    assert.deepEqual(records.map((r) => [r.purchase_id, r.type, r.products.length]), [['R-1001', 'physical', 2], ['R-1002', 'physical', 1], ['R-1003', 'physical', 2]]);

    const state = await f.value('uploads:start', {
      id: 'card-orders', path: report.output, filename: 'pos_sales-20240314-v1.ndjson', destination: { datasetId: 'ds1', recordType: 'purchase' }, validateFirst: false,
    });
    assert.ok(state.kind === 'succeeded');
    assert.deepEqual(state.records, { sent: 3, leftOut: 0, total: 3, lines: 5, sourceName: 'pos sales.csv', fieldsLeftOut: 0, leftOutFields: [] }, 'the result counts orders, and says from how many lines');
  });

  test('"Send e-mail addresses only hashed": conversions hash, and a file that would carry clear addresses is not sent', async () => {
    const csv = await f.file('people.csv', 'Email,First Name\n Ann@Example.com ,Ann\nbob@example.com,Bob\n');
    const mapping = await f.value('mapping:suggest', ['Email', 'First Name'], 'customer_record', null);
    const clear = await f.value('jobs:convert', 'clear-1', { path: csv, recordType: 'customer_record', mapping, gzip: false, stopOnFirstInvalid: false });
    assert.equal(clear.emails, null, 'not asked: nothing hashed');

    await f.value('settings:update', { hashEmails: true });
    try {
      const refused = await f.value('uploads:start', {
        id: 'card-clear', path: clear.output, filename: 'people-20260101-v1.ndjson', destination: { datasetId: 'ds1', recordType: 'customer_record' }, validateFirst: false,
      });
      assert.ok(refused.kind === 'failed' && /only hashed, and this file was not converted with them hashed/.test(refused.error.message), JSON.stringify(refused));
      const asIs = await f.value('uploads:start', { id: 'card-as-is', path: csv, filename: 'people-20260101-v1.csv', destination: null, validateFirst: false });
      assert.ok(asIs.kind === 'failed', 'a CSV sent as it is carries clear addresses');

      const hashed = await f.value('jobs:convert', 'hashed-1', { path: csv, recordType: 'customer_record', mapping, gzip: false, stopOnFirstInvalid: false });
      assert.deepEqual(hashed.emails, { hashed: 2, leftOut: 0 });
      const text = await readFile(hashed.output, 'utf8');
      assert.ok(!/@/.test(text), 'no clear address remains');
      const first = JSON.parse(text.split('\n')[0] ?? '') as { link: { email_sha256: string } };
      assert.equal(first.link.email_sha256, sha256('ann@example.com'), 'trimmed and lower-cased before hashing');
      const sent = await f.value('uploads:start', {
        id: 'card-hashed', path: hashed.output, filename: 'people-20260101-v2.ndjson', destination: { datasetId: 'ds1', recordType: 'customer_record' }, validateFirst: false,
      });
      assert.equal(sent.kind, 'succeeded');
    } finally {
      await f.value('settings:update', { hashEmails: false });
    }
  });
});
