/**
 * The real Electron app, driven by Playwright's `_electron`. It runs only where the Electron
 * binary was downloaded; in CI images built with ELECTRON_SKIP_BINARY_DOWNLOAD it skips.
 */
import { _electron as electron, test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Electron executable, as `require('electron')` would return it, or null when not downloaded. */
function electronBinary(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test('the Electron window opens on the Upload screen and the tabs work', async () => {
  test.skip(binary === null, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run `npm install` with internet to fetch it');
  const configDir = await mkdtemp(join(tmpdir(), 'lexer-e2e-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: ['.', '--no-sandbox'],
    env: { ...process.env, LEXER_UPLOAD_CONFIG_DIR: configDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Lexer Uploader' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Browse…' })).toBeVisible();
    // The preload gave the page its API; Node is not reachable from the page.
    expect(await page.evaluate(() => typeof (window as { lexer?: unknown }).lexer)).toBe('object');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await page.getByRole('tab', { name: 'Settings', exact: true }).click();
    await expect(page.getByLabel('API token', { exact: true })).toHaveAttribute('type', 'password');
    await page.getByRole('tab', { name: 'History', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Upload history' })).toBeVisible();
  } finally {
    await app.close();
    await rm(configDir, { recursive: true, force: true });
  }
});
