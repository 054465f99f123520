/**
 * An upload cut off when the app stopped (here: an In Progress entry left by a process that has
 * exited) shows in History as Failed and Interrupted, and Retry sends it again to Success.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, card, historyEntry, openTab, saveToken, sha256 } from './fixtures.js';

/** The pid of a process that has already exited: its entries can never finish. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

test('an interrupted upload is marked in History and Retry sends it to Success', async ({ page, configDir, startHost, sandbox }) => {
  const name = 'interrupted-20260101-v1.ndjson';
  // The browser host reads only files given to the page, so the entry's file is the staged copy
  // an earlier run of the host made when the file was dropped.
  const file = join(configDir, 'staging', 'e2e-interrupted', name);
  await mkdir(join(configDir, 'staging', 'e2e-interrupted'), { recursive: true });
  await writeFile(file, `${JSON.stringify({ link: { email: 'jane@example.com' } })}\n`);
  const now = new Date().toISOString();
  const entry = {
    id: 'e2e-interrupted', uploadId: null, filePath: file, filename: name, datasetId: 'ds_retry', recordType: 'customer_record',
    bytes: 0, status: 'In Progress', createdAt: now, startedAt: now, finishedAt: null, error: null, interrupted: false,
    owner: { pid: await deadPid(), instance: 'gone' },
  };
  await writeFile(join(configDir, 'history.json'), JSON.stringify({ version: 1, entries: [entry] }));

  // A staged copy is deleted once its upload succeeds: hash it first.
  const sent = await sha256(file);
  const host = await startHost();
  await page.goto(host.url);
  await saveToken(page, sandbox.token);
  await openTab(page, 'History');
  const row = historyEntry(page, name);
  await expect(row.getByText('Failed', { exact: true })).toBeVisible();
  await expect(row.getByText('Interrupted', { exact: true })).toBeVisible();
  await expect(row).toContainText('did not finish');

  // No card is open for it, so the button says it makes one; the upload starts by itself.
  await row.getByRole('button', { name: `Retry ${name} on a new card` }).click();
  const c = card(page, name);
  await expect(c).toBeFocused();
  await expect(c.getByLabel('Dataset ID')).toHaveValue('ds_retry');
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const stored = await sandbox.storedFiles();
  expect(stored).toHaveLength(1);
  expect(await sha256(stored[0]!.path)).toBe(sent);
});
