/** History survives a restart of the host: the entries come from main's history file. */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, snap } from './fixtures.js';

test('an upload is listed in History after the host restarts', async ({ app: page, host, startHost, sandbox }, info) => {
  const name = 'customers-20250102-1.ndjson';
  const file = info.outputPath(name);
  await writeFile(file, JSON.stringify({ link: { email: 'jane@example.com' } }) + '\n');
  await saveToken(page, sandbox.token);
  await addFiles(page, [file]);
  const c = card(page, name);
  await c.getByLabel('Dataset ID').fill('ds_history');
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');

  await host.close();
  const again = await startHost();
  await page.goto(again.url);
  await openTab(page, 'History');
  await expect(page.getByRole('heading', { name: 'Upload history' })).toBeVisible();
  const row = historyEntry(page, name);
  await expect(row).toBeVisible();
  await expect(row.getByText('Success', { exact: true })).toBeVisible();
  await expect(row.getByText('ds_history')).toBeVisible();
  await expect(row.getByRole('button', { name: /Copy upload ID/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the Lexer Hub (Logs)' })).toHaveAttribute('href', 'https://hub.lexer.io');
  await snap(page, info, 'history');
});
