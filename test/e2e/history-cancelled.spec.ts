/**
 * An upload the person cancelled is "Cancelled" in History, parts and all, and can be sent again
 * from there: never left "In Progress" with no Retry.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, snap, startFlakyHost } from './fixtures.js';

test('a cancelled upload in parts is Cancelled in History, with Retry', async ({ page, configDir }, info) => {
  // The first upload connection to S3 hangs after a few bytes, so the file can be cancelled mid-way.
  const flaky = await startFlakyHost(configDir, info.outputPath('sandbox'), { cutAfterBytes: 2048, cutConnections: 1, mode: 'stall' });
  try {
    await page.goto(flaky.host.url);
    await saveToken(page, flaky.sandbox.token);
    await openTab(page, 'Settings');
    await page.getByLabel('Largest part').fill('100KB');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    const name = 'stuck-20260101-v1.csv';
    const rows = Array.from({ length: 6000 }, (_, i) => `c${i}@example.com,Customer ${i},${i}`);
    await writeFile(info.outputPath(name), `email,name,points\n${rows.join('\n')}\n`);
    await addFiles(page, [info.outputPath(name)]);

    const c = card(page, name);
    await c.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(c.getByTestId('parts-notice')).toBeVisible();
    await expect.poll(() => flaky.proxy.cuts).toBe(1); // a part's PUT hangs now
    await c.getByRole('button', { name: 'Cancel' }).click();
    await expect(c.getByTestId('upload-result')).toHaveText('Cancelled');

    await openTab(page, 'History');
    const entry = historyEntry(page, name);
    await expect(entry.locator('.status')).toHaveText('Cancelled');
    await expect(entry.getByTestId('history-part').first()).toContainText('Cancelled');
    await expect(entry.getByRole('button', { name: /^Retry/ })).toBeVisible();
    await snap(page, info, 'history-cancelled');
  } finally {
    await flaky.close();
  }
});

test('History open while an upload is cancelled shows it Cancelled, with Retry, without Refresh', async ({ page, context, configDir }, info) => {
  const flaky = await startFlakyHost(configDir, info.outputPath('sandbox'), { cutAfterBytes: 2048, cutConnections: 1, mode: 'stall' });
  try {
    await page.goto(flaky.host.url);
    await saveToken(page, flaky.sandbox.token);
    // A second tab of the same session (as a person with two windows of the app): History is open there.
    const key = await page.evaluate(() => sessionStorage.getItem('lexer-host-key'));
    const historyTab = await context.newPage();
    await historyTab.addInitScript((k) => sessionStorage.setItem('lexer-host-key', k ?? ''), key);
    await historyTab.goto(`${new URL(flaky.host.url).origin}/`);
    await openTab(historyTab, 'History');

    const name = 'stuck-20260102-v1.json';
    await writeFile(info.outputPath(name), `[${'"x",'.repeat(200_000)}"x"]`);
    await addFiles(page, [info.outputPath(name)]);
    const c = card(page, name);
    await c.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => flaky.proxy.cuts).toBe(1); // its PUT hangs now
    await historyTab.getByRole('button', { name: 'Refresh' }).click();
    const entry = historyEntry(historyTab, name);
    await expect(entry.locator('.status')).toHaveText('In Progress');

    await c.getByRole('button', { name: 'Cancel' }).click();
    await expect(c.getByTestId('upload-result')).toHaveText('Cancelled');
    await expect(entry.locator('.status')).toHaveText('Cancelled');
    await expect(entry.getByRole('button', { name: /^Retry/ })).toBeVisible();
    await snap(historyTab, info, 'history-cancelled-live');
  } finally {
    await flaky.close();
  }
});
