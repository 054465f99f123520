/**
 * The real Electron app, driven by Playwright's `_electron`, through the same key flow as the
 * browser-host suite: save a token, add an NDJSON file, choose record type and dataset, upload,
 * see Success, find the same bytes in the sandbox, and copy the upload ID from History (the
 * clipboard permission). It runs only where the Electron binary
 * was downloaded; with ELECTRON_SKIP_BINARY_DOWNLOAD it skips and says why.
 */
import { _electron as electron, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../main/sandbox/start-sandbox.js';
import { addFiles, card, expect, historyEntry, openTab, saveToken, sha256, storedSha256 } from './fixtures.js';

/** The Electron executable, as `require('electron')` would return it, or null when not downloaded. */
function electronBinary(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test uses from this pattern
test('the Electron app saves a token, uploads an NDJSON file to a dataset and shows Success', async ({}, info) => {
  test.skip(binary === null, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run `npm install` with internet to fetch it');
  const work = await mkdtemp(join(tmpdir(), 'lexer-e2e-electron-'));
  const sandbox = await startSandbox({ dir: join(work, 'sandbox'), log: () => undefined });
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: ['.', '--no-sandbox'],
    env: { ...process.env, LEXER_UPLOAD_USER_DATA_DIR: join(work, 'user-data'), LEXER_API_URL: sandbox.apiUrl },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Lexer Uploader' })).toBeVisible();
    // The preload gave the page its API; Node is not reachable from the page.
    expect(await page.evaluate(() => typeof (window as { lexer?: unknown }).lexer)).toBe('object');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await saveToken(page, sandbox.token);

    const name = 'customers-20260101-v1.ndjson';
    const file = join(work, name);
    await writeFile(file, `${JSON.stringify({ link: { email: 'jane@example.com' }, first_name: 'Jane' })}\n`);
    await addFiles(page, [file]);
    const c = card(page, name);
    await c.getByLabel('Record type').selectOption('customer_record');
    await c.getByLabel('Dataset ID').fill('ds_electron');
    await c.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(c.getByTestId('upload-result')).toHaveText('Success');
    await page.screenshot({ path: info.outputPath('electron-success.png') });

    const stored = await sandbox.storedFiles();
    expect(stored).toHaveLength(1);
    expect(await storedSha256(stored[0]!.path)).toBe(await sha256(file));
    await openTab(page, 'History');
    const row = historyEntry(page, name);
    await expect(row).toContainText('Success');
    // Copy needs the clipboard-sanitized-write permission, the one the app grants its own page.
    await row.getByRole('button', { name: /Copy upload ID/ }).click();
    await expect(row.getByRole('button', { name: /Copy upload ID/ })).toHaveText('Copied');
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(copied).toMatch(/\S/);
    await expect(row).toContainText(copied);
  } finally {
    await app.close();
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  }
});
