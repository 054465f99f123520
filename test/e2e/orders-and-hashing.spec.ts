/**
 * A POS export with one row per order line becomes one purchase per receipt ("One record per"),
 * with values every record gets; and with Settings' "Send e-mail addresses only hashed", a
 * customer export goes only as a conversion whose addresses are SHA-256 hashes.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { test, expect, addFiles, card, openTab, saveToken, snap, storedRecords } from './fixtures.js';
import { POS_SALES } from '../engine/pipeline/real-exports/order-fixtures.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Adds a value every record of the card gets, as the `row`th row of its values. */
async function addValue(c: Locator, row: number, field: string, value: string): Promise<void> {
  await c.getByRole('button', { name: 'Add a value every record gets' }).click();
  await c.getByLabel(`Field for value ${row}`).selectOption(field);
  await c.getByLabel(`Value of ${field}`).selectOption(value);
}

test('One record per receipt: an order’s lines become one purchase with its products', async ({ app: page, sandbox }, info) => {
  const name = 'pos-sales-20240314-v1.csv';
  await writeFile(info.outputPath(name), POS_SALES);
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Record type').selectOption('purchase');
  await c.getByLabel('Dataset ID').fill('ds_orders_e2e');
  // The receipt number repeats in the first rows: the card points at it.
  await expect(c.getByTestId('order-lines-hint')).toContainText('“Receipt No” repeats in the first rows');
  // A column mapped by hand before the grouping is chosen stays mapped after it.
  await c.getByRole('combobox', { name: 'Store', exact: true }).selectOption('store.name');
  await c.getByLabel('One record per').selectOption('Receipt No');
  // Line-item headers are suggested once rows are grouped.
  await expect(c.getByRole('combobox', { name: 'Qty', exact: true })).toHaveValue('products.quantity');
  await expect(c.getByRole('combobox', { name: 'SKU', exact: true })).toHaveValue('products.product_reference.id');
  await expect(c.getByLabel('Value of products.product_reference.id_type')).toHaveValue('sku');
  await expect(c.getByRole('combobox', { name: 'Store', exact: true })).toHaveValue('store.name');
  await c.getByRole('combobox', { name: 'Item', exact: true }).selectOption({ label: 'Leave out this column' });
  // Values the export lacks: the purchase's type, and the store's.
  await addValue(c, 2, 'type', 'physical');
  await addValue(c, 3, 'store.type', 'physical');
  await c.getByRole('button', { name: 'Convert and validate' }).click();

  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report.getByText('Lines', { exact: true })).toBeVisible();
  const count = (label: string) => report.locator('div', { has: page.getByText(label, { exact: true }) }).locator('dd');
  await expect(count('Lines')).toHaveText('5');
  await expect(count('Orders written')).toHaveText('3');
  await expect(count('Orders refused')).toHaveText('0');
  await snap(page, info, 'orders-report');

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  await expect(c.getByTestId('upload-records')).toHaveText('3 records sent (one per order, from 5 lines).');
  const stored = await sandbox.storedFiles();
  expect(stored).toHaveLength(1);
  const records = await storedRecords(stored[0]!.path);
  expect(records.map((r) => [r.purchase_id, r.type, (r.products as unknown[]).length, (r.store as { name: string }).name])).toEqual([
    ['R-1001', 'physical', 2, 'Fitzroy'], ['R-1002', 'physical', 1, 'Fitzroy'], ['R-1003', 'physical', 2, 'Carlton'],
  ]);
});

test('a refused order is counted in lines in the report: the table and the first problems say lines, not rows', async ({ app: page }, info) => {
  const name = 'pos-bad-20240314-v1.csv';
  // R-1003's two lines name different stores: the order is refused, with both of its lines.
  await writeFile(info.outputPath(name), POS_SALES.replace('R-1003,14/03/2024 11:40,Carlton,cat@example.com,CAP-01', 'R-1003,14/03/2024 11:40,Fitzroy,cat@example.com,CAP-01'));
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Record type').selectOption('purchase');
  await c.getByLabel('One record per').selectOption('Receipt No');
  await c.getByRole('combobox', { name: 'Store', exact: true }).selectOption('store.name');
  await c.getByRole('combobox', { name: 'Item', exact: true }).selectOption({ label: 'Leave out this column' });
  await addValue(c, 2, 'type', 'physical');
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report.getByText('Orders refused', { exact: true })).toBeVisible();
  const table = report.getByRole('table', { name: 'Errors by field and rule' });
  await expect(table.getByRole('columnheader')).toHaveText(['Field', 'Rule', 'Lines']);
  await expect(report.getByRole('heading', { name: 'First lines in error' })).toBeVisible();
});

test('Send e-mail addresses only hashed: the CSV as it is is held, the conversion hashes and says how many', async ({ app: page, sandbox }, info) => {
  const name = 'customers-20260101-v1.csv';
  await writeFile(info.outputPath(name), 'Email,First Name\n Ann@Example.com ,Ann\nbob@example.com,Bob\n');
  await saveToken(page, sandbox.token);
  await openTab(page, 'Settings');
  await page.getByLabel('Send e-mail addresses only hashed').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);
  await openTab(page, 'Upload');
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  // As it is, the CSV would carry the addresses in clear.
  await expect(c.getByText(/Settings say e-mail addresses leave only hashed: convert the file to NDJSON/)).toBeVisible();
  await expect(c.getByRole('button', { name: 'Upload', exact: true })).toBeDisabled();

  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Record type').selectOption('customer_record');
  await c.getByLabel('Dataset ID').fill('ds_hashed_e2e');
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report.locator('div', { has: page.getByText('E-mail addresses hashed', { exact: true }) }).locator('dd')).toHaveText('2');
  await snap(page, info, 'hashed-report');

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const stored = await sandbox.storedFiles();
  expect(stored).toHaveLength(1);
  const records = await storedRecords(stored[0]!.path);
  expect(JSON.stringify(records)).not.toContain('@');
  expect(records.map((r) => (r.link as { email_sha256: string }).email_sha256)).toEqual([sha256('ann@example.com'), sha256('bob@example.com')]);
});
