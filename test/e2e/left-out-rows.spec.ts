/**
 * A conversion that left rows out never uploads without asking. The question
 * gives the counts with "Don't send" as the default; the result and History keep the counts.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, snap, storedContent } from './fixtures.js';

test('sending a conversion with rejected rows asks first, and the result and History keep the count', async ({ app: page, sandbox }, info) => {
  const name = 'Shopify customers (export).csv';
  const rows = ['Email,First Name,Birthday'];
  // 7 rows: 3 with a date that does not exist (31 February), which the record type refuses.
  for (let i = 0; i < 7; i += 1) rows.push(`c${i}@example.com,Jane${i},${i % 2 === 0 && i < 6 ? '31/02/1985' : '1985-04-13'}`);
  const file = info.outputPath(name);
  await writeFile(file, `${rows.join('\n')}\n`);
  await saveToken(page, sandbox.token);
  await addFiles(page, [file]);

  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Dataset ID').fill('ds_left_out');
  await expect(c.getByRole('table', { name: 'Column mapping' })).toBeVisible();
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  // The report takes the focus, so a screen reader hears the counts.
  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report).toBeFocused();
  await expect(report).toContainText('Rejected');

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Send with records left out?' });
  await expect(ask).toContainText('4 of 7 customers will be sent; 3 are left out (see the report). Send anyway?');
  await expect(ask.getByRole('button', { name: 'Don’t send' })).toBeFocused();
  await snap(page, info, 'left-out-question');
  await page.keyboard.press('Enter'); // the default answer keeps the data back
  await expect(ask).toBeHidden();
  await expect(c.getByTestId('upload-result')).toHaveCount(0);

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await ask.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  // Counted once the allowed upload is done, so its request has surely arrived: one that "Don't
  // send" had let out would have gone before it and be counted too, making two.
  expect(sandbox.requestLog.filter((r) => r.method === 'POST')).toHaveLength(1);
  await expect(c.getByTestId('upload-result')).toBeFocused(); // the result takes the focus too
  await expect(c.getByTestId('upload-records')).toHaveText('4 records sent; 3 rows left out.');
  const stored = await sandbox.storedFiles();
  expect((await storedContent(stored[0]!.path)).toString('utf8').trim().split('\n')).toHaveLength(4);

  await openTab(page, 'History');
  const entry = historyEntry(page, name);
  await expect(entry).toContainText('4 records sent; 3 rows left out');
  await snap(page, info, 'left-out-history');
});
