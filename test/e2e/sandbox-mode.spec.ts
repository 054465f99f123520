/** Trying the app without a Lexer account: turn on the local sandbox and upload with no token. */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, addFiles, card, historyEntry, openTab, sha256, snap, storedSha256 } from './fixtures.js';

test('with "Use the local sandbox" on, a file uploads without a token and the page says where it went', async ({ app: page }, info) => {
  const name = 'trial-20260101-v1.ndjson';
  const file = info.outputPath(name);
  await writeFile(file, `${JSON.stringify({ link: { email: 'jane@example.com' }, first_name: 'Jane' })}\n`);

  await openTab(page, 'Settings');
  await page.getByLabel('Use the local sandbox').check();
  await expect(page.getByLabel('API URL')).toBeDisabled();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await addFiles(page, [file]);
  const banner = page.getByTestId('sandbox-banner');
  await expect(banner).toContainText('Sandbox mode');
  const c = card(page, name);
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  // The result says where the file went; it does not claim Lexer is processing it.
  await expect(c).toContainText('to the sandbox on this computer, not to Lexer');
  await expect(c).not.toContainText('Lexer now processes');
  await snap(page, info, 'sandbox-mode');

  // The banner names the folder; the bytes there are the file's.
  const storageDir = (await banner.locator('code').textContent()) ?? '';
  const objects = (await readdir(storageDir, { recursive: true })).filter((p) => p.endsWith(`${name}.gz._S3rver_object`));
  expect(objects).toHaveLength(1);
  expect(await storedSha256(join(storageDir, objects[0]!))).toBe(await sha256(file));

  // History tags it, so it is never mistaken for an upload to Lexer.
  await openTab(page, 'History');
  await expect(historyEntry(page, name).getByText('Sandbox', { exact: true })).toBeVisible();
});
