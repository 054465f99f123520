/**
 * Watched folders in the app, through the browser host: a folder typed in, a file
 * dropped into it sent and its result shown on the feed's row, a file with invalid records moved
 * to failed/ with its reason, History naming the feed and its Retry opening the failed file from
 * failed/, and Pause, Resume and Remove by keyboard names.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, card, historyEntry, openTab, saveToken, storedContent } from './fixtures.js';

test('a watched folder sends a file dropped into it and shows the result', async ({ app: page, sandbox }) => {
  const folder = await mkdtemp(join(tmpdir(), 'lexer-e2e-feed-'));
  await saveToken(page, sandbox.token);
  await openTab(page, 'Watched folders');
  await expect(page.getByText('No folders are watched yet.')).toBeVisible();
  const form = page.getByRole('form', { name: 'Add a watched folder' });
  await form.getByLabel('Folder to watch').fill(folder);
  await form.getByRole('radio', { name: 'A dataset (loaded automatically)' }).check();
  await form.getByLabel('Dataset ID').fill('ds_feed');
  await form.getByLabel('Seconds a file must stay unchanged before it is sent').fill('0.5');
  await form.getByRole('button', { name: 'Add folder' }).click();

  const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: folder }) });
  await expect(row.getByTestId('feed-state')).toHaveText('Watching');

  const content = `${JSON.stringify({ link: { customer_id: 'feed-1' }, email: 'feed@example.com' })}\n`;
  await writeFile(join(folder, 'nightly.ndjson'), content);
  await expect(row.getByTestId('feed-last')).toContainText('Last file: nightly.ndjson: Sent. Sent as ds_feed_customer_record_');
  expect(await readdir(join(folder, 'sent'))).toEqual(['nightly.ndjson']);
  const stored = (await sandbox.storedFiles()).find((f) => f.key.includes('ds_feed_customer_record_'));
  expect(stored && (await storedContent(stored.path)).toString()).toBe(content);

  await writeFile(join(folder, 'broken.ndjson'), '{"email":"not an email"}\n');
  await expect(row.getByTestId('feed-last')).toContainText('Last file: broken.ndjson: Failed.');
  expect((await readdir(join(folder, 'failed'))).sort()).toEqual(['broken.ndjson', 'broken.ndjson.error.txt']);
  expect(await readFile(join(folder, 'failed', 'broken.ndjson.error.txt'), 'utf8')).toMatch(/What to do: /);
  // The screen with a feed, its result and the dataset fields open: no serious accessibility problem.
  await form.getByRole('radio', { name: 'A dataset (loaded automatically)' }).check();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await openTab(page, 'History');
  const entry = historyEntry(page, 'nightly.ndjson');
  await expect(entry.getByTestId('history-feed')).toHaveText(folder);
  // History followed the failed file into failed/: Retry opens it there, no "Locate…" needed.
  const failed = historyEntry(page, 'broken.ndjson');
  await failed.getByRole('button', { name: /on a new card$/ }).click();
  await expect(card(page, 'broken.ndjson')).toBeVisible();
  // Compressed as the folder sends it, as the name History kept says (.gz).
  await expect(card(page, 'broken.ndjson').getByLabel('Compress (gzip)')).toBeChecked();

  await openTab(page, 'Watched folders');
  await page.getByRole('button', { name: `Pause watching ${folder}` }).click();
  await expect(row.getByTestId('feed-state')).toHaveText('Paused');
  await page.getByRole('button', { name: `Resume watching ${folder}` }).click();
  await expect(row.getByTestId('feed-state')).toHaveText('Watching');
  await page.getByRole('button', { name: `Stop watching ${folder}` }).click();
  await expect(page.getByText('No folders are watched yet.')).toBeVisible();
});
