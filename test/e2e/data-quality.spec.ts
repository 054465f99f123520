/**
 * What spreadsheets do to a customer export is undone, and said. A phone number
 * saved as '+61427874421 (Excel's "keep as text" apostrophe) loses the apostrophe, yes/no become
 * true/false where the field is a boolean, and a tag list ("VIP, Newly Acquired") becomes a list;
 * the report notes each, with its first line and how many more.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, storedRecords } from './fixtures.js';

test('a Shopify-style export: apostrophes, yes/no and tag lists are fixed with a note, and sent fixed', async ({ app: page, sandbox }, info) => {
  const name = 'customers_export.csv';
  await writeFile(info.outputPath(name), [
    'Customer ID,First Name,Email,Phone,Employee,Tags',
    "1001,Ann,ann@example.com,'+61427874421,Yes,\"VIP, Newly Acquired\"",
    "1002,Bob,bob@example.com,'+61427874422,No,VIP",
    '',
  ].join('\n'));
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Dataset ID').fill('ds_shopify');
  await c.getByRole('button', { name: 'Convert and validate' }).click();

  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report.getByText('Every row is valid.')).toBeVisible();
  await expect(report.getByText(/^mobile \(column "Phone"\): "'\+61427874421" began with an apostrophe.*\(line 2, and 1 more line like it\)$/)).toBeVisible();
  await expect(report.getByText(/^employee_flag \(column "Employee"\): yes\/no words were written as Lexer's true\/false, "Yes" as true/)).toBeVisible();
  await expect(report.getByText('custom_fields.tags (column "Tags"): "VIP, Newly Acquired" was written as a list, ["VIP","Newly Acquired"] (line 2)')).toBeVisible();

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const stored = await sandbox.storedFiles();
  const records = await storedRecords(stored[0]!.path);
  expect(records.map((r) => [r.mobile, r.employee_flag, (r.custom_fields as { tags?: unknown }).tags])).toEqual([
    ['+61427874421', true, ['VIP', 'Newly Acquired']],
    ['+61427874422', false, ['VIP']],
  ]);
});
