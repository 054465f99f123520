/**
 * Watched folders in the app, through the browser host: a folder typed in, a file
 * dropped into it sent and its result shown on the feed's row, a file with invalid records moved
 * to failed/ with its reason, History naming the feed and its Retry opening the failed file from
 * failed/, and Pause, Resume and Remove by keyboard names. In the browser host a folder is added
 * only with the code its terminal shows, and deleting files after sending is asked about first.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, addFolderConfirmed, card, historyEntry, openTab, saveToken, storedContent } from './fixtures.js';

test('a watched folder sends a file dropped into it and shows the result', async ({ app: page, sandbox, host }) => {
  const folder = await mkdtemp(join(tmpdir(), 'lexer-e2e-feed-'));
  await saveToken(page, sandbox.token);
  await openTab(page, 'Watched folders');
  await expect(page.getByText('No folders are watched yet.')).toBeVisible();
  const form = page.getByRole('form', { name: 'Add a watched folder' });
  await form.getByLabel('Folder to watch').fill(folder);
  await form.getByRole('radio', { name: 'A dataset (loaded automatically)' }).check();
  await form.getByLabel('Dataset ID').fill('ds_feed');
  await form.getByLabel('Seconds a file must stay unchanged before it is sent').fill('0.5');
  await addFolderConfirmed(page, host);

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

test('the page alone cannot add a folder: it takes the code shown in the terminal, and deleting after sending is asked first', async ({ app: page, sandbox, host }) => {
  const folder = await mkdtemp(join(tmpdir(), 'lexer-e2e-confirm-'));
  await saveToken(page, sandbox.token);
  await openTab(page, 'Watched folders');
  const form = page.getByRole('form', { name: 'Add a watched folder' });
  await form.getByLabel('Folder to watch').fill(folder);
  await form.getByLabel('After a file is sent').selectOption({ label: 'Delete it' });
  await form.getByRole('button', { name: 'Add folder' }).click();
  const question = page.getByRole('dialog', { name: 'Delete each file after it is sent?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Keep the files' })).toBeFocused();
  await question.getByRole('button', { name: 'Keep the files' }).click();
  expect(host.terminal.join('\n')).not.toContain(folder);

  await form.getByRole('button', { name: 'Add folder' }).click();
  await page.getByRole('dialog', { name: 'Delete each file after it is sent?' }).getByRole('button', { name: 'Delete after sending' }).click();
  await expect(form.getByText('Type the code shown in the terminal where Lexer Uploader runs.')).toBeVisible();
  expect(host.terminal.at(-1)).toContain(`the page asks to watch ${folder}, sending the files that appear there to Lexer staff and DELETE each file once it is sent`);
  await form.getByLabel('Confirmation code from the terminal').fill('WRNG-CODE');
  await form.getByRole('button', { name: 'Confirm and add folder' }).click();
  await expect(form.getByText('That code is not the one shown in the terminal for these settings.')).toBeVisible();
  await expect(page.getByText('No folders are watched yet.')).toBeVisible();
  const code = /type this code in the page: (\S+)/.exec(host.terminal.at(-1) ?? '')?.[1] ?? '';
  await form.getByLabel('Confirmation code from the terminal').fill(code);
  await form.getByRole('button', { name: 'Confirm and add folder' }).click();
  await expect(page.getByRole('heading', { name: folder })).toBeVisible();
});
