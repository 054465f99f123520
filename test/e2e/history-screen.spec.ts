/**
 * History as a person uses it next to `lexer-upload`. Uploads the
 * command makes appear on Refresh; one it made with a relative path can be retried; a file that
 * is gone is located again; the ID, Copy and Retry are in view at 800x600; the person's own file
 * name is shown with the name sent beside it.
 */
import { spawn } from 'node:child_process';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, sha256, snap, storedSha256 } from './fixtures.js';

/** Runs the built `lexer-upload` in `cwd` against the test's config folder and sandbox. */
function lexerUpload(args: string[], o: { cwd: string; configDir: string; apiUrl: string; token: string }): Promise<number | null> {
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/main/cli/bin.js'), ...args], {
    cwd: o.cwd,
    env: { ...process.env, LEXER_UPLOAD_CONFIG_DIR: o.configDir, LEXER_API_URL: o.apiUrl, LEXER_UPLOAD_API_TOKEN: o.token, LEXER_UPLOAD_VAULT: 'file' },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.once('exit', resolve));
}

test('an upload lexer-upload made with a relative path shows on Refresh and Retry sends it', async ({ app: page, configDir, sandbox }, info) => {
  const work = info.outputPath('work');
  await mkdir(join(work, 'exports'), { recursive: true });
  const name = 'cli-20260101-v1.ndjson';
  await writeFile(join(work, 'exports', name), `${JSON.stringify({ link: { email: 'jane@example.com' } })}\n`);
  await saveToken(page, sandbox.token);
  await openTab(page, 'History');
  await expect(page.getByText('No uploads yet.')).toBeVisible();

  // The command runs from `work` with a relative path into a dataset (so under the vendor's
  // default name), and fails (a wrong token).
  const args = ['upload', join('exports', name), '--dataset-id', 'ds_cli', '--record-type', 'customer_record'];
  const code = await lexerUpload(args, { cwd: work, configDir, apiUrl: sandbox.apiUrl, token: 'not-the-sandbox-token' });
  expect(code).toBe(1);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const entry = historyEntry(page, name);
  await expect(entry).toContainText('Failed');
  await expect(entry).toContainText(/Sent as ds_cli_customer_record_\d+\.ndjson\.gz/);

  await entry.getByRole('button', { name: /^Retry ds_cli_customer_record_\d+\.ndjson\.gz on a new card$/ }).click();
  const c = card(page, name);
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const stored = await sandbox.storedFiles();
  expect(await storedSha256(stored[0]!.path)).toBe(await sha256(join(work, 'exports', name)));
});

test('a file that is no longer where History says is located again with a file chooser', async ({ app: page, sandbox }, info) => {
  const name = 'moved-20260101-v1.ndjson';
  const first = info.outputPath(name);
  await writeFile(first, `${JSON.stringify({ link: { email: 'jane@example.com' } })}\n`);
  await saveToken(page, 'not-the-sandbox-token-wxyz');
  await addFiles(page, [first]);
  await card(page, name).getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(card(page, name).getByTestId('upload-result')).toHaveText('Failed');
  await card(page, name).getByRole('button', { name: `Remove ${name}` }).click();
  await saveToken(page, sandbox.token);

  // The staged copy went with its card: History cannot find the file any more.
  await openTab(page, 'History');
  await page.setViewportSize({ width: 800, height: 600 });
  const entry = historyEntry(page, name);
  const retry = entry.getByRole('button', { name: /on a new card/ });
  const box = await retry.boundingBox();
  expect(box && box.x + box.width <= 800, 'Retry in view at 800 px').toBe(true);
  await retry.click();
  await expect(entry).toContainText('The file is no longer at');
  await expect(entry).toContainText('locate it to send it again');
  const moved = info.outputPath(join('elsewhere', name));
  await mkdir(info.outputPath('elsewhere'), { recursive: true });
  await rename(first, moved);
  const chooser = page.waitForEvent('filechooser');
  await entry.getByRole('button', { name: `Locate ${name}…` }).click();
  await (await chooser).setFiles(moved);
  await expect(card(page, name).getByTestId('upload-result')).toHaveText('Success');
});

test('at 800x600 the upload ID, Copy and Retry are in view, Copy says Copied, and the own file name shows', async ({ app: page, context, sandbox }, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 800, height: 600 });
  const csvName = 'My Customers (export).csv';
  const csv = info.outputPath(csvName);
  await writeFile(csv, 'Email,First Name\njane@example.com,Jane\n');
  await saveToken(page, sandbox.token);
  await addFiles(page, [csv]);
  const c = card(page, csvName);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await expect(c.getByRole('table', { name: 'Column mapping' })).toBeVisible();
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await expect(c.getByRole('region', { name: 'Validation report' })).toBeVisible();
  // The card keeps the person's own name as its title, with the name sent beside it.
  await expect(c.locator('.sent-as')).toContainText(/sent as My_Customers_export-\d{8}-v1\.ndjson/);
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');

  await openTab(page, 'History');
  const entry = historyEntry(page, csvName);
  await expect(entry.getByRole('heading', { name: csvName })).toBeVisible();
  await expect(entry).toContainText(/Sent as My_Customers_export-\d{8}-v1\.ndjson/);
  const copy = entry.getByRole('button', { name: /^Copy upload ID/ });
  const id = (await entry.locator('.upload-id code').textContent()) ?? '';
  for (const el of [entry.locator('.upload-id code'), copy]) {
    const box = await el.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 800, 'inside the window, no sideways scrolling').toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
  await snap(page, info, 'history-800');
});
