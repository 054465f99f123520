/** An NDJSON file chosen with Browse…, sent to a dataset, arrives in the sandbox byte for byte. */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, sha256, snap, storedSha256 } from './fixtures.js';

const RECORDS = [
  { link: { email: 'jane@example.com' }, email: 'jane@example.com', first_name: 'Jane' },
  { link: { email: 'bob@example.com' }, email: 'bob@example.com', first_name: 'Bob' },
];

test('an NDJSON file uploads to a dataset and the sandbox holds the same bytes', async ({ app: page, sandbox }, info) => {
  const name = 'customers-20250101-1.ndjson';
  const file = info.outputPath(name);
  await writeFile(file, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await saveToken(page, sandbox.token);
  await addFiles(page, [file]);

  const c = card(page, name);
  await expect(c).toBeVisible();
  await expect(c.getByText('NDJSON', { exact: true })).toBeVisible();
  await c.getByLabel('Record type').selectOption('customer_record');
  await c.getByLabel('Dataset ID').fill('ds_e2e');
  await c.getByRole('button', { name: 'Validate' }).click();
  await expect(c.getByText('Every row is valid.')).toBeVisible();

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  await expect(page.getByTestId('live-region')).toContainText('Success');
  await snap(page, info, 'ndjson-success');

  const stored = await sandbox.storedFiles();
  expect(stored).toHaveLength(1);
  // Gzipped on the way: the object is gzip and gunzips to the file's bytes.
  expect(stored[0]!.key).toMatch(/\.ndjson\.gz$/);
  expect(await storedSha256(stored[0]!.path)).toBe(await sha256(file));
});
