/** What a person sees when an upload cannot happen: a rejected token, a cancel. (A file over 5 GiB is not among them: it is sent in parts.) */
import { open, writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, snap } from './fixtures.js';

const LINE = JSON.stringify({ link: { email: 'jane@example.com' }, email: 'jane@example.com' }) + '\n';

test('a rejected token ends in "Failed" with the reason in plain words', async ({ app: page, sandbox }, info) => {
  const name = 'customers-20250101-1.ndjson';
  const file = info.outputPath(name);
  await writeFile(file, LINE);
  await saveToken(page, 'not-the-sandbox-token-wxyz');
  await addFiles(page, [file]);

  const c = card(page, name);
  await c.getByLabel('Dataset ID').fill('ds_e2e');
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Failed');
  await expect(c.getByText(/token/i).first()).toBeVisible();
  await expect(c.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByTestId('live-region')).toContainText('Failed');
  await snap(page, info, 'token-rejected');
  expect(await sandbox.storedFiles()).toHaveLength(0);

  // With the right token saved, History's Retry restarts that same card (no duplicate) and focuses it.
  await saveToken(page, sandbox.token);
  await openTab(page, 'History');
  const row = historyEntry(page, 'Failed');
  await row.getByRole('button', { name: /^Retry (?!.*new card)/ }).click();
  await expect(page.getByRole('tab', { name: 'Upload', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(card(page, name)).toHaveCount(1);
  await expect(card(page, name)).toBeFocused();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  expect(await sandbox.storedFiles()).toHaveLength(1);
});

test('Cancel stops a large upload and the card says "Cancelled"', async ({ app: page, sandbox }, info) => {
  const name = 'big-20250101-1.json';
  const file = info.outputPath(name);
  // 300 MB: big enough that the PUT is still running when Cancel is pressed.
  const handle = await open(file, 'w');
  const block = Buffer.alloc(1024 * 1024, 'x');
  for (let i = 0; i < 300; i += 1) await handle.write(block);
  await handle.close();
  await saveToken(page, sandbox.token);
  await addFiles(page, [file]);

  const c = card(page, name);
  await expect(c).toBeVisible({ timeout: 45_000 });
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByRole('progressbar')).toBeVisible();
  await c.getByRole('button', { name: 'Cancel' }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Cancelled');
  await snap(page, info, 'cancelled');
  const stored = await sandbox.storedFiles();
  expect(stored.filter((s) => s.bytes === 300 * 1024 * 1024)).toHaveLength(0);
});
