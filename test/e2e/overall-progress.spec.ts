/**
 * The overall bar counts every file that was started, each under how it stands: "3 files: 2
 * sent, 1 cancelled". A cancelled file's bytes are neither "sent" nor still to send.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, snap, startFlakyHost } from './fixtures.js';

test('the overall bar counts what was started: 3 files, 2 sent, 1 cancelled', async ({ page, configDir }, info) => {
  // The first upload connection to S3 hangs after a few bytes, so that file can be cancelled mid-way.
  const flaky = await startFlakyHost(configDir, info.outputPath('sandbox'), { cutAfterBytes: 2048, cutConnections: 1, mode: 'stall' });
  try {
    await page.goto(flaky.host.url);
    await saveToken(page, flaky.sandbox.token);
    const stuck = 'stuck-20260101-v1.json';
    const sent = ['sent-20260101-v1.json', 'also-20260101-v1.json'];
    await writeFile(info.outputPath(stuck), `[${'"x",'.repeat(200_000)}"x"]`);
    await writeFile(info.outputPath(sent[0]!), '[{"a":1}]');
    await writeFile(info.outputPath(sent[1]!), '[{"b":2}]');
    await addFiles(page, [info.outputPath(stuck), ...sent.map((n) => info.outputPath(n))]);

    await card(page, stuck).getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(card(page, stuck).getByRole('progressbar')).toBeVisible();
    await expect.poll(() => flaky.proxy.cuts).toBe(1); // its PUT hangs now
    const overall = page.getByTestId('overall-progress');
    for (const name of sent) {
      await card(page, name).getByRole('button', { name: 'Upload', exact: true }).click();
      await expect(card(page, name).getByTestId('upload-result')).toHaveText('Success');
    }
    await expect(overall).toContainText('3 files: 2 sent, 1 in progress;');
    await card(page, stuck).getByRole('button', { name: 'Cancel' }).click();
    await expect(card(page, stuck).getByTestId('upload-result')).toHaveText('Cancelled');

    await expect(overall).toHaveText('3 files: 2 sent, 1 cancelled; 18 bytes of 18 bytes (100%)');
    await snap(page, info, 'overall-cancelled');
  } finally {
    await flaky.close();
  }
});
