/**
 * An NDJSON file with a byte-order mark and blank lines: Lexer's validator counts each
 * as an invalid row, so the report lists them as problems, offers the clean step, and the
 * upload sends the cleaned copy.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, storedContent } from './fixtures.js';

const A = '{"link":{"email":"jane@example.com"}}';
const B = '{"link":{"email":"bob@example.com"}}';

test('a BOM and blank lines are reported as problems, cleaned on request, and the cleaned copy is sent', async ({ app: page, sandbox }, info) => {
  const name = 'people-20250101-1.ndjson';
  const file = info.outputPath(name);
  await writeFile(file, `\uFEFF${A}\n\n${B}\n  \n`);
  await saveToken(page, sandbox.token);
  await addFiles(page, [file]);

  const c = card(page, name);
  await c.getByLabel('Record type').selectOption('customer_record');
  await c.getByLabel('Dataset ID').fill('ds_clean');
  await c.getByRole('button', { name: 'Validate' }).click();
  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report.getByText(/Line 1: starts with a byte-order mark/)).toBeVisible();
  await expect(report.getByText(/Line 2: is blank/)).toBeVisible();
  await report.getByRole('button', { name: 'Remove a byte-order mark and 2 blank lines (send a cleaned copy)' }).click();
  await expect(c.getByRole('status').filter({ hasText: 'Cleaned copy ready' })).toContainText('2 records will be sent');

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const stored = await sandbox.storedFiles();
  expect(stored).toHaveLength(1);
  expect((await storedContent(stored[0]!.path)).toString('utf8')).toBe(`${A}\n${B}\n`);
});
