/** Settings: the token is pasted once, kept by main, and only its last 4 characters come back. */
import { test, expect, openTab, snap } from './fixtures.js';

test('saving a token shows only its last 4 characters and the token checks out', async ({ app: page, sandbox }, info) => {
  await openTab(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await expect(page.getByText('No token saved yet.')).toBeVisible();

  const field = page.getByLabel('API token', { exact: true });
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill(sandbox.token);
  const sessionOnly = page.getByRole('radio', { name: 'This session only' });
  if (await sessionOnly.count()) await sessionOnly.check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const last4 = sandbox.token.slice(-4);
  await expect(page.getByText(`Token saved. It ends in ${last4}.`)).toBeVisible();
  await expect(page.getByTestId('token-last4')).toHaveText(last4);
  await expect(field).toHaveValue('');
  // The token itself is nowhere on the page, not even in an attribute.
  expect(await page.content()).not.toContain(sandbox.token);

  await page.getByRole('button', { name: 'Check token', exact: true }).click();
  await expect(page.locator('.note .ok-text')).toBeVisible();
  await snap(page, info, 'settings');

  // After a reload the status still says a token is kept (from main, not from the page).
  await page.reload();
  await openTab(page, 'Settings');
  await expect(page.getByTestId('token-last4')).toHaveText(last4);

  // Remove asks first (the Hub shows a token only once), and "Keep it" is the default.
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Remove the API token?' });
  await expect(ask.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await ask.getByRole('button', { name: 'Remove token' }).click();
  await expect(page.getByText('No token saved yet.')).toBeVisible();
});

test('the API URL and default dataset are saved', async ({ app: page }) => {
  await openTab(page, 'Settings');
  await page.getByLabel('Default dataset ID').fill('ds_settings_e2e');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await openTab(page, 'Settings');
  await expect(page.getByLabel('Default dataset ID')).toHaveValue('ds_settings_e2e');
});
