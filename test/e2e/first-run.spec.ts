/**
 * A first launch says what is needed before any long work: a token, or the
 * local sandbox. Both ways on are one click from the Upload screen.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, snap } from './fixtures.js';

test('first launch shows what is needed, and the sandbox choice lets an upload through', async ({ app: page }, info) => {
  const panel = page.getByTestId('first-run');
  await expect(panel.getByRole('heading', { name: 'Before you upload' })).toBeVisible();
  await snap(page, info, 'first-run');

  // Before converting anything, the card says an upload needs a token.
  const csvName = 'first-20260101-v1.csv';
  await writeFile(info.outputPath(csvName), 'Email\njane@example.com\n');
  await addFiles(page, [info.outputPath(csvName)]);
  const c = card(page, csvName);
  await expect(c.getByRole('button', { name: 'Upload', exact: true })).toBeDisabled();
  await expect(c).toContainText('Paste your API token in Settings first, or try the local sandbox.');
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await expect(c.getByRole('table', { name: 'Column mapping' })).toBeVisible();
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await expect(c).toContainText('Converting needs no token, but sending does');

  // "Paste your API token" opens Settings with the token box focused.
  await panel.getByRole('button', { name: 'Paste your API token' }).click();
  await expect(page.getByRole('tab', { name: 'Settings', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('API token', { exact: true })).toBeFocused();

  // "Try it with the local sandbox" turns it on from the Upload screen; the upload goes through.
  await page.getByRole('tab', { name: 'Upload', exact: true }).click();
  await panel.getByRole('button', { name: 'Try it with the local sandbox' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('sandbox-banner')).toContainText('Sandbox mode');
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
});
