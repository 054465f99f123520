/**
 * Upload waits until the name passes Lexer's rules (the fixed name one
 * click away), so Lexer never answers 422; a dataset ID with a space is pointed out at once.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken } from './fixtures.js';

test('a name that breaks the rules blocks Upload until the fixed name is used', async ({ app: page, sandbox }, info) => {
  const name = 'customers-20260101-v1.csv';
  await writeFile(info.outputPath(name), 'email\njane@example.com\n');
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  const upload = c.getByRole('button', { name: 'Upload', exact: true });
  await expect(upload).toBeEnabled();

  await c.getByLabel('Name sent to Lexer').fill('my customers (final).csv');
  await expect(c.getByLabel('Name sent to Lexer')).toHaveAttribute('aria-invalid', 'true');
  await expect(upload).toBeDisabled();
  await expect(c).toContainText('The name breaks Lexer’s file-name rules');
  const use = c.getByRole('button', { name: /^Use my_customers_final-\d{8}-v1\.csv$/ });
  await use.click();
  await expect(upload).toBeEnabled();
  await upload.click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const stored = await sandbox.storedFiles();
  expect(stored[0]?.key).toMatch(/my_customers_final-\d{8}-v1\.csv$/);
});

test('a dataset ID with a space or a stray character is pointed out at the field', async ({ app: page }, info) => {
  const name = 'people-20260101-v1.ndjson';
  await writeFile(info.outputPath(name), '{"link":{"email":"jane@example.com"}}\n');
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  const dataset = c.getByLabel('Dataset ID');
  await dataset.fill('ds 123');
  await expect(dataset).toHaveAttribute('aria-invalid', 'true');
  await expect(c.getByTestId('dataset-warning')).toHaveText(/has a space in it/);
  await dataset.fill('ds#123');
  await expect(c.getByTestId('dataset-warning')).toHaveText(/has “#”/);
  await dataset.fill('0e2187ab_x-1');
  await expect(c.getByTestId('dataset-warning')).toHaveCount(0);
});
