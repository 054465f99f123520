/**
 * The overall bar counts a cancelled file apart. Its bytes are neither "sent" nor
 * still to send, and it is not "finished" alongside the file that really arrived.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, snap, startFlakyHost } from './fixtures.js';

test('a cancelled file is counted apart in the overall progress', async ({ page, configDir }, info) => {
  // The first upload connection to S3 hangs after a few bytes, so that file can be cancelled mid-way.
  const flaky = await startFlakyHost(configDir, info.outputPath('sandbox'), { cutAfterBytes: 2048, cutConnections: 1, mode: 'stall' });
  try {
    await page.goto(flaky.host.url);
    await saveToken(page, flaky.sandbox.token);
    const stuck = 'stuck-20260101-v1.json';
    const sent = 'sent-20260101-v1.json';
    await writeFile(info.outputPath(stuck), `[${'"x",'.repeat(200_000)}"x"]`);
    await writeFile(info.outputPath(sent), '[{"a":1}]');
    await addFiles(page, [info.outputPath(stuck), info.outputPath(sent)]);

    await card(page, stuck).getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(card(page, stuck).getByRole('progressbar')).toBeVisible();
    await expect.poll(() => flaky.proxy.cuts).toBe(1); // its PUT hangs now
    await card(page, sent).getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(card(page, sent).getByTestId('upload-result')).toHaveText('Success');
    await card(page, stuck).getByRole('button', { name: 'Cancel' }).click();
    await expect(card(page, stuck).getByTestId('upload-result')).toHaveText('Cancelled');

    const overall = page.getByTestId('overall-progress');
    await expect(overall).toHaveText('All files: 1 of 1 sent (1 cancelled), 9 bytes of 9 bytes (100%)');
    await snap(page, info, 'overall-cancelled');
  } finally {
    await flaky.close();
  }
});
