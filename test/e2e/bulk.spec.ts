/**
 * Many files at once. One record type and dataset ID go to every selected card,
 * and Upload all sends every card that is ready.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, snap } from './fixtures.js';

test('one dataset and record type for every selected card, then Upload all', async ({ app: page, sandbox }, info) => {
  const names = ['a-20260101-v1.ndjson', 'b-20260101-v1.ndjson', 'c-20260101-v1.ndjson'];
  for (const n of names) await writeFile(info.outputPath(n), `${JSON.stringify({ link: { email: `${n[0]}@example.com` } })}\n`);
  await saveToken(page, sandbox.token);
  await addFiles(page, names.map((n) => info.outputPath(n)));
  for (const n of names) await expect(card(page, n)).toBeVisible();

  const bulk = page.getByRole('region', { name: 'All files' });
  await bulk.getByLabel(/^Select all/).check();
  await bulk.getByLabel('Record type for selected').selectOption('customer_record');
  await bulk.getByLabel('Dataset ID for selected').fill('ds_bulk');
  await bulk.getByRole('button', { name: 'Apply to 3 selected' }).click();
  for (const n of names) await expect(card(page, n).getByLabel('Dataset ID')).toHaveValue('ds_bulk');
  await snap(page, info, 'bulk');

  await bulk.getByRole('button', { name: 'Upload all' }).click();
  for (const n of names) await expect(card(page, n).getByTestId('upload-result')).toHaveText('Success');
  await expect(page.getByTestId('live-region')).toContainText(/Started 3 uploads|Success/);
  expect(await sandbox.storedFiles()).toHaveLength(3);
  await openTab(page, 'History');
  await expect(historyEntry(page, 'ds_bulk')).toHaveCount(3);
});
