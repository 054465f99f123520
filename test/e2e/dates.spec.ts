/**
 * Dates in the order people write them. A column's order is read from its
 * dates (a first part over 12 is a day) and shown in the mapping ("read as day/month/year"); it
 * can be changed; a column whose dates could be either order asks before converting. What Lexer
 * receives is ISO (1985-03-25).
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, snap, storedRecords } from './fixtures.js';

async function onlyStoredRecords(sandbox: { storedFiles(): Promise<{ path: string }[]> }): Promise<Record<string, unknown>[]> {
  const stored = await sandbox.storedFiles();
  expect(stored).toHaveLength(1);
  return await storedRecords(stored[0]!.path);
}

test('Australian dates are read as day/month/year, shown in the mapping, and sent as ISO dates', async ({ app: page, sandbox }, info) => {
  const name = 'Customers (AU export).csv';
  await writeFile(info.outputPath(name), 'Email,First Name,Date of Birth\nann@example.com,Ann,25/03/1985\nbob@example.com,Bob,04/03/1985\ncy@example.com,Cy,1/12/1990\n');
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Dataset ID').fill('ds_dates');

  // The mapping says how the column's dates are read, and why.
  await expect(c.getByRole('combobox', { name: 'Date of Birth', exact: true })).toHaveValue('date_of_birth');
  const order = c.getByRole('combobox', { name: 'Dates in Date of Birth read as' });
  await expect(order.locator('option:checked')).toHaveText('day/month/year (from its dates)');
  await expect(c.getByText('25/03/1985 (line 2) can only be read this way.')).toBeVisible();
  await snap(page, info, 'dates-detected');

  await c.getByRole('button', { name: 'Convert and validate' }).click();
  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report).toBeFocused();
  await expect(report.getByText('Every row is valid.')).toBeVisible();
  await expect(report).toContainText('dates read as day/month/year (as the column\'s first rows show) and written as ISO dates, "25/03/1985" as 1985-03-25');

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  expect((await onlyStoredRecords(sandbox)).map((r) => r.date_of_birth)).toEqual(['1985-03-25', '1985-03-04', '1990-12-01']);
});

test('a column whose dates could be either order asks first, and the order chosen is the one sent', async ({ app: page, sandbox }, info) => {
  const name = 'US customers.csv';
  await writeFile(info.outputPath(name), 'Email,Birthday\nann@example.com,03/04/1985\nbob@example.com,12/01/1990\n');
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Dataset ID').fill('ds_dates');

  const order = c.getByRole('combobox', { name: 'Dates in Birthday read as' });
  await expect(order.locator('option:checked')).toHaveText('Choose…');
  await expect(c.getByText('Its dates could be day/month/year or month/day/year (e.g. 03/04/1985 on line 2): choose one.')).toBeVisible();
  const convert = c.getByRole('button', { name: 'Convert and validate' });
  await expect(convert).toBeDisabled();
  await expect(c.getByText('Choose how the dates in “Birthday” are read first.')).toBeVisible();
  await expect(c.getByTestId('things-to-know').locator('[data-note="date-order"]')).toHaveText(
    'The dates in “Birthday” do not settle whether they are day/month/year or month/day/year: choose in the mapping below.',
  );
  await snap(page, info, 'dates-ask');

  await order.selectOption({ label: 'month/day/year' });
  await expect(convert).toBeEnabled();
  await convert.click();
  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report).toContainText('read as month/day/year (as asked)');
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  expect((await onlyStoredRecords(sandbox)).map((r) => r.date_of_birth)).toEqual(['1985-03-04', '1990-12-01']);
});
