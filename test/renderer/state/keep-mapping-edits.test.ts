import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnMapping } from '../../../main/contract/jobs.js';
import { keepMappingEdits } from '../../../renderer/state/keep-mapping-edits.js';

// What the app suggests for a POS export, one record per row and then one per receipt.
const perRow: ColumnMapping = {
  columns: { 'Receipt No': 'purchase_id', Email: 'link.email', Store: null, Qty: null, SKU: null }, unknownColumns: 'custom_fields', inferCustomTypes: true,
};
const perReceipt: ColumnMapping = {
  columns: { 'Receipt No': 'purchase_id', Email: 'link.email', Store: null, Qty: 'products.quantity', SKU: 'products.product_reference.id' },
  unknownColumns: 'custom_fields', inferCustomTypes: true, groupBy: 'Receipt No', constants: { 'products.product_reference.id_type': 'sku' },
};
const lineItems = (path: string): boolean => !path.startsWith('products.');
const anything = (): boolean => true;

describe('choosing "One record per" again keeps what the person chose by hand', () => {
  test('a column mapped, a column left out, a value added and a date order survive; the rest follows the new suggestion', () => {
    const edited: ColumnMapping = {
      ...perRow, columns: { ...perRow.columns, Store: 'store.name', Email: null }, constants: { type: 'physical' }, dateOrders: { Date: 'dmy' }, inferCustomTypes: false,
    };
    const out = keepMappingEdits(edited, perRow, perReceipt, anything);
    assert.deepEqual(out.columns, { 'Receipt No': 'purchase_id', Email: null, Store: 'store.name', Qty: 'products.quantity', SKU: 'products.product_reference.id' });
    assert.deepEqual(out.constants, { 'products.product_reference.id_type': 'sku', type: 'physical' });
    assert.deepEqual(out.dateOrders, { Date: 'dmy' });
    assert.equal(out.groupBy, 'Receipt No');
    assert.equal(out.inferCustomTypes, false);
  });

  test('back to one record per row: line-item fields chosen by hand go, as the fields no longer exist; a removed value stays removed', () => {
    const edited: ColumnMapping = { ...perReceipt, columns: { ...perReceipt.columns, Store: 'products.product_reference.name', Email: 'link.customer_id' }, constants: {} };
    const out = keepMappingEdits(edited, perReceipt, perRow, lineItems);
    assert.deepEqual(out.columns, { 'Receipt No': 'purchase_id', Email: 'link.customer_id', Store: null, Qty: null, SKU: null });
    assert.equal(out.groupBy, undefined);
    assert.equal(out.constants, undefined);
  });

  test('nothing edited: the new suggestion as it is', () => {
    assert.deepEqual(keepMappingEdits(perRow, perRow, perReceipt, anything), perReceipt);
  });
});
