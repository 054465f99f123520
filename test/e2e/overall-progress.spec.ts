/**
 * Issue 9, item 9: the overall bar counts a cancelled file apart. Its bytes are neither "sent" nor
 * still to send, and it is not "finished" alongside the file that really arrived.
 */
import { writeFile } from 'node:fs/promises';
import { startSandbox } from '../../main/sandbox/start-sandbox.js';
import { startTcpResetProxy } from '../helpers/tcp-reset-proxy.js';
import { test, expect, addFiles, card, launchHost, saveToken, snap } from './fixtures.js';

test('a cancelled file is counted apart in the overall progress', async ({ page, configDir }, info) => {
  // The first upload connection to S3 hangs after a few bytes, so that file can be cancelled mid-way.
  const proxy = await startTcpResetProxy({ cutAfterBytes: 2048, cutConnections: 1, mode: 'stall' });
  const sandbox = await startSandbox({ dir: info.outputPath('sandbox'), s3Origin: proxy.origin, log: () => undefined });
  proxy.targetPort = Number(new URL(sandbox.apiUrl).port);
  const host = await launchHost(configDir, sandbox.apiUrl);
  try {
    await page.goto(host.url);
    await saveToken(page, sandbox.token);
    const stuck = 'stuck-20260101-v1.json';
    const sent = 'sent-20260101-v1.json';
    await writeFile(info.outputPath(stuck), `[${'"x",'.repeat(200_000)}"x"]`);
    await writeFile(info.outputPath(sent), '[{"a":1}]');
    await addFiles(page, [info.outputPath(stuck), info.outputPath(sent)]);

    await card(page, stuck).getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(card(page, stuck).getByRole('progressbar')).toBeVisible();
    await expect.poll(() => proxy.cuts).toBe(1); // its PUT hangs now
    await card(page, sent).getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(card(page, sent).getByTestId('upload-result')).toHaveText('Success');
    await card(page, stuck).getByRole('button', { name: 'Cancel' }).click();
    await expect(card(page, stuck).getByTestId('upload-result')).toHaveText('Cancelled');

    const overall = page.getByTestId('overall-progress');
    await expect(overall).toHaveText('All files: 1 of 1 sent (1 cancelled), 9 bytes of 9 bytes (100%)');
    await snap(page, info, 'overall-cancelled');
  } finally {
    await host.close();
    await sandbox.close();
    await proxy.close();
  }
});
