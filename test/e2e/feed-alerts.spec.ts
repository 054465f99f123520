/**
 * A watched folder's alerts in the app: a webhook typed in the folder's form (confirmed with the
 * browser host's terminal code), "Send a test alert" reaching it, a failed file alerting it once
 * with what happened (and never the token), and History's Export… handing over the run log as CSV.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, addFolderConfirmed, openTab, saveToken } from './fixtures.js';

const bodyOf = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

test('a folder\'s webhook gets the test alert and the failed file\'s alert, without the token; History exports as CSV', async ({ app: page, sandbox, host }) => {
  const posts: { text: string; outcome?: string; file?: string }[] = [];
  const raw: string[] = [];
  const hook = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      raw.push(body);
      posts.push(JSON.parse(body) as { text: string; outcome?: string });
      res.end('ok');
    });
  });
  hook.listen(0, '127.0.0.1');
  await once(hook, 'listening');
  const webhook = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  try {
    const folder = await mkdtemp(join(tmpdir(), 'lexer-e2e-alerts-'));
    await saveToken(page, sandbox.token);
    await openTab(page, 'Watched folders');
    const form = page.getByRole('form', { name: 'Add a watched folder' });
    await form.getByLabel('Folder to watch').fill(folder);
    await form.getByRole('radio', { name: 'A dataset (loaded automatically)' }).check();
    await form.getByLabel('Dataset ID').fill('ds_alerts');
    await form.getByLabel('Seconds a file must stay unchanged before it is sent').fill('0.5');
    await form.getByLabel(/^Webhook address/).fill(webhook);
    // The browser host asks for its terminal's code: alerts carry file names off this computer.
    await addFolderConfirmed(page, host);

    const row = page.getByTestId('feed').filter({ has: page.getByRole('heading', { name: folder }) });
    await expect(row.getByTestId('feed-state')).toHaveText('Watching');
    // A webhook's path is its secret (Slack's and Teams' are): the row names the host only.
    const hookHost = new URL(webhook).host;
    await expect(row.getByTestId('feed-alerts')).toContainText(`Alerts by webhook to ${hookHost}: no alert sent yet`);
    await expect(row.getByTestId('feed-alerts')).not.toContainText('/hook');

    await row.getByRole('button', { name: `Send a test alert for ${folder}` }).click();
    await expect(page.getByRole('status')).toContainText('Test alert sent.');
    await expect.poll(() => posts.length).toBe(1);
    expect(posts[0]?.text).toMatch(/test/i);

    await writeFile(join(folder, 'broken.ndjson'), '{"email":"not an email"}\n');
    await expect(row.getByTestId('feed-last')).toContainText('Last file: broken.ndjson: Failed.');
    await expect.poll(() => posts.length).toBe(2);
    expect(posts[1]?.text).toContain('broken.ndjson');
    expect(raw.join('\n')).not.toContain(sandbox.token);

    await openTab(page, 'History');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export…' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toMatch(/^when,/);
    expect(rows.some((r) => r.includes('broken.ndjson') && r.includes(folder))).toBe(true);
  } finally {
    hook.close();
  }
});
