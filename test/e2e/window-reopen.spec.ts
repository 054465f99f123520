/**
 * A window that opens while an upload runs gets its card back (the desktop re-creates the window
 * from the macOS dock, or reloads a crashed page; here the page is reloaded), following the same
 * upload: its progress shows and Cancel still stops it.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, snap, startFlakyHost } from './fixtures.js';

test('reloading the window while a file uploads shows its card again, still running and cancellable', async ({ page, configDir }, info) => {
  // The first upload connection to S3 hangs after a few bytes, so the upload is still running when the page reloads.
  const flaky = await startFlakyHost(configDir, info.outputPath('sandbox'), { cutAfterBytes: 2048, cutConnections: 1, mode: 'stall' });
  try {
    await page.goto(flaky.host.url);
    await saveToken(page, flaky.sandbox.token);
    const name = 'running-20260101-v1.json';
    await writeFile(info.outputPath(name), `[${'"x",'.repeat(200_000)}"x"]`);
    await addFiles(page, [info.outputPath(name)]);
    await card(page, name).getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(card(page, name).getByRole('progressbar')).toBeVisible();
    await expect.poll(() => flaky.proxy.cuts).toBe(1); // its PUT hangs now

    await page.reload();
    await expect(card(page, name).getByRole('progressbar')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Files' }).getByRole('listitem')).toHaveCount(1); // one card, not one per replay
    await snap(page, info, 'card-back-after-reload');
    await card(page, name).getByRole('button', { name: 'Cancel' }).click();
    await expect(card(page, name).getByTestId('upload-result')).toHaveText('Cancelled');
  } finally {
    await flaky.close();
  }
});
