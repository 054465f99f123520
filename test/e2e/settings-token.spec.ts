/**
 * One sentence on where the token is kept, following the choice on screen;
 * Check asks the API URL on screen, with a token typed for it (the saved one goes only to the
 * saved URL), and checks a pasted token before it is saved; a tab switch keeps unsaved settings and says so.
 * (Remove asking first is in settings.spec.ts.)
 */
import { test, expect, openTab, saveToken, snap } from './fixtures.js';

test('the storage sentence follows the choice on screen, one sentence only', async ({ app: page }, info) => {
  await openTab(page, 'Settings');
  const sessionOnly = page.getByRole('radio', { name: 'This session only' });
  test.skip((await sessionOnly.count()) === 0, 'this machine has encrypted storage, so there is no choice to follow');
  await sessionOnly.check();
  const sentence = page.getByTestId('token-storage');
  await expect(sentence).toHaveText('A token you save is kept in memory for this session only; you will paste it again next time.');
  const form = page.getByRole('form', { name: 'Lexer API token' });
  await expect(form).not.toContainText('plain file');
  await expect(form).not.toContainText('unencrypted');
  await page.getByRole('radio', { name: 'Store without encryption' }).check();
  await expect(sentence).toContainText('unencrypted');
  await expect(form.getByText(/plain file|unencrypted/)).toHaveCount(1);
  await snap(page, info, 'token-storage');
});

test('Check token asks the API URL on screen; the saved token goes only to the saved one, another is checked with a token typed for it', async ({ app: page, sandbox }) => {
  await saveToken(page, sandbox.token);
  const url = page.getByLabel('API URL');
  await expect(url).toHaveValue(sandbox.apiUrl);
  await url.fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Check token' }).click();
  const note = page.getByRole('form', { name: 'Lexer API token' }).locator('.note');
  await expect(note).toContainText(`The saved token is sent only to the saved API URL (${sandbox.apiUrl}), so it was not sent to http://127.0.0.1:9.`);
  await expect(note).toContainText('paste it in the API token box');
  await page.getByLabel('API token', { exact: true }).fill(sandbox.token);
  await page.getByRole('button', { name: 'Check token' }).click();
  await expect(note).toContainText('(Checked the token typed against http://127.0.0.1:9; it is not saved until you press Save.)');
  await expect(note.locator('.error-text')).toBeVisible();
  await page.getByLabel('API token', { exact: true }).fill('');
  await url.fill(sandbox.apiUrl);
  await page.getByRole('button', { name: 'Check token' }).click();
  await expect(note.locator('.ok-text')).toBeVisible();
});

test('a pasted token can be checked before it is saved, and checking does not save it', async ({ app: page, sandbox }) => {
  await openTab(page, 'Settings');
  await expect(page.getByText('No token saved yet.')).toBeVisible();
  const check = page.getByRole('button', { name: 'Check token' });
  await expect(check).toBeDisabled();
  await page.getByLabel('API token', { exact: true }).fill(sandbox.token);
  await expect(check).toBeEnabled();
  await check.click();
  const note = page.getByRole('form', { name: 'Lexer API token' }).locator('.note');
  await expect(note.locator('.ok-text')).toContainText(`Lexer accepted the API token. (Checked the token typed against ${sandbox.apiUrl}; it is not saved until you press Save.)`);
  await expect(page.getByText('No token saved yet.')).toBeVisible();
  await page.getByLabel('API token', { exact: true }).fill('not-the-token-0123456789');
  await check.click();
  await expect(note.locator('.error-text')).toContainText('Lexer rejected the API token');
});

test('switching tabs keeps unsaved settings and says they are not saved', async ({ app: page }) => {
  await openTab(page, 'Settings');
  await page.getByLabel('Default dataset ID').fill('ds_unsaved');
  await expect(page.getByTestId('settings-unsaved')).toBeVisible();
  await openTab(page, 'Upload');
  await expect(page.getByTestId('live-region')).toContainText('Settings has unsaved changes');
  await expect(page.getByRole('tab', { name: 'Settings', exact: true })).toHaveAccessibleDescription('unsaved changes');
  await openTab(page, 'History');
  await openTab(page, 'Settings');
  await expect(page.getByLabel('Default dataset ID')).toHaveValue('ds_unsaved');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Settings', exact: true })).toHaveAccessibleDescription('');
});
