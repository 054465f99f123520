/**
 * A CSV with a UTF-8 BOM and a name that breaks Lexer's rules: the card shows the preview, the
 * BOM, the fixed name; the user maps "Email" to link.email, converts, reads the report, uploads.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, snap, storedContent } from './fixtures.js';

const CSV = '\uFEFFEmail,First Name,Loyalty Points\r\njane@example.com,Jane,3600\r\nbob@example.com,Bob,10\r\nnot-an-email,Nope,5\r\n';

test('a CSV with a BOM is previewed, converted with a mapping, validated and uploaded', async ({ app: page, sandbox }, info) => {
  const name = 'My Customers (export).csv';
  const file = info.outputPath(name);
  await writeFile(file, CSV, 'utf8');
  await saveToken(page, sandbox.token);
  await addFiles(page, [file]);

  const c = card(page, name);
  await expect(c.getByText('CSV', { exact: true })).toBeVisible();
  // The preview: the header row and a first value, under the detected encoding.
  const preview = c.getByRole('region', { name: `First rows of ${name}` });
  await expect(preview.getByRole('columnheader', { name: 'Email' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'jane@example.com' })).toBeVisible();
  // The BOM is a note (conversion removes it), listed apart from problems.
  await expect(c.locator('[data-note="bom"]')).toBeVisible();
  // The name breaks the rules; the fixed one has no spaces or brackets and fills the name box.
  const fixed = (await c.getByTestId('fixed-name').textContent()) ?? '';
  expect(fixed).toMatch(/^[A-Za-z0-9_-]+\.csv$/);
  await expect(c.getByLabel('Name sent to Lexer')).toHaveValue(fixed);

  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await expect(c.getByLabel('Name sent to Lexer')).toHaveValue(fixed.replace(/\.csv$/, '.ndjson'));
  // The notice follows the format chosen: converted NDJSON is compressed by default.
  await expect(c.getByTestId('fixed-name')).toHaveText(fixed.replace(/\.csv$/, '.ndjson.gz'));
  await c.getByLabel('Record type').selectOption('customer_record');
  await c.getByLabel('Dataset ID').fill('ds_csv_e2e');
  const emailColumn = c.getByRole('combobox', { name: 'Email', exact: true });
  if (await emailColumn.locator('option[value="link.email"]').count()) {
    await emailColumn.selectOption('link.email');
  } else {
    await emailColumn.selectOption({ label: 'Another field…' });
    await c.getByLabel('Field path for Email').fill('link.email');
  }
  await c.getByRole('button', { name: 'Convert and validate' }).click();

  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report).toBeVisible();
  await expect(report.getByText('Written', { exact: true })).toBeVisible();
  await expect(report.getByRole('cell', { name: 'link.email' })).toBeVisible();
  await expect(report.getByText(/Line 4:/)).toBeVisible();
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Export error list' }).click();
  const errors = await readFile(await (await download).path(), 'utf8');
  expect(errors).toContain('not-an-email');
  await snap(page, info, 'csv-report');

  // One row was left out: the app asks before sending, and the result keeps the count.
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Send with records left out?' });
  await expect(ask).toContainText('2 of 3 customers will be sent; 1 is left out');
  await ask.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  await expect(c.getByTestId('upload-records')).toHaveText('2 records sent; 1 row left out.');

  const stored = await sandbox.storedFiles();
  expect(stored).toHaveLength(1);
  const lines = (await storedContent(stored[0]!.path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { link?: { email?: string } });
  expect(lines.map((l) => l.link?.email)).toEqual(['jane@example.com', 'bob@example.com']);
});

test('a CSV whose columns barely match the record type asks before converting', async ({ app: page }, info) => {
  const name = 'till-20260101-v1.csv';
  await writeFile(info.outputPath(name), 'Email,Receipt No,Store,Register,Total,Tax,Tender\nann@example.com,R1,Bondi,2,10,1,Card\n');
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  const ask = page.getByRole('dialog', { name: 'Is this file a customer_record file?' });
  await expect(ask).toContainText('Only 1 of the 7 columns of till-20260101-v1.csv match fields of customer_record (“Email”). These did not map and would only be custom fields: “Receipt No”, “Store”');
  await expect(ask.getByRole('button', { name: 'Don’t convert' })).toBeFocused();
  await snap(page, info, 'poor-match-question');
  await page.keyboard.press('Enter');
  await expect(c.getByRole('region', { name: 'Validation report' })).toHaveCount(0);

  // The person knows better: converted as asked.
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await ask.getByRole('button', { name: 'Convert anyway' }).click();
  await expect(c.getByRole('region', { name: 'Validation report' })).toBeVisible();
});
