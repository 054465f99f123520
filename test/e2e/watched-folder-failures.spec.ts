/**
 * A watched folder's failures stay in view: a file refused before anything was sent (dates that
 * read either way, columns that do not fit the record type) is in History and on the folder's
 * row until it leaves the failed folder or is dismissed; the error names the folder's own setting,
 * and once that is changed, moving the file back sends it.
 */
import { mkdtemp, readFile, rename, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, addFolderConfirmed, historyEntry, openTab, saveToken, snap } from './fixtures.js';

test('a feed\'s refused file is in History and on its row; after changing the folder\'s date order, moving it back sends it', async ({ app: page, sandbox, host }, info) => {
  const folder = await mkdtemp(join(tmpdir(), 'lexer-e2e-feed-fail-'));
  await saveToken(page, sandbox.token);
  await openTab(page, 'Watched folders');
  const form = page.getByRole('form', { name: 'Add a watched folder' });
  await form.getByLabel('Folder to watch').fill(folder);
  await form.getByRole('radio', { name: 'A dataset (loaded automatically)' }).check();
  await form.getByLabel('Dataset ID').fill('ds_feed_dates');
  await form.getByLabel('Seconds a file must stay unchanged before it is sent').fill('0.5');
  await addFolderConfirmed(page, host);
  const row = page.getByTestId('feed').filter({ has: page.getByRole('heading', { name: folder }) });
  await expect(row.getByTestId('feed-state')).toHaveText('Watching');

  // 03/04/1985 could be either order: the file goes to failed/, saying which setting to change.
  await writeFile(join(folder, 'members.csv'), 'Email,Date of Birth\nann@example.com,03/04/1985\nbob@example.com,05/06/1990\n');
  const failure = row.getByTestId('feed-failure').filter({ hasText: 'members.csv' });
  await expect(failure).toContainText('Cannot tell the order of day and month');
  await expect(failure).toContainText('choose Change settings for this folder and set "Dates in CSV files" to day/month/year or month/day/year');
  expect(await readFile(join(folder, 'failed', 'members.csv.error.txt'), 'utf8')).toMatch(/"Dates in CSV files"/);
  await snap(page, info, 'feed-failure-waiting');

  // History has it although nothing was sent.
  await openTab(page, 'History');
  const entry = historyEntry(page, 'members.csv');
  await expect(entry.locator('.status')).toHaveText('Failed');
  await expect(entry.getByTestId('history-feed')).toHaveText(folder);
  await expect(entry).toContainText('Cannot tell the order of day and month');

  // The folder's own setting, then the file moved back: sent.
  await openTab(page, 'Watched folders');
  await expect(failure).toBeVisible(); // still waiting in failed/, across a tab switch
  await page.getByRole('button', { name: `Change settings of ${folder}` }).click();
  const settings = page.getByRole('form', { name: `Settings of ${folder}` });
  await settings.getByLabel('Dates in CSV files').selectOption('dmy');
  await snap(page, info, 'feed-settings');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(row.getByTestId('feed-state')).toHaveText('Watching');
  await rename(join(folder, 'failed', 'members.csv'), join(folder, 'members.csv'));
  await expect(row.getByTestId('feed-last')).toContainText('Last file: members.csv: Sent.');
  await expect(row.getByTestId('feed-failure')).toHaveCount(0);
  expect(await readdir(join(folder, 'sent'))).toEqual(['members.csv']);

  // A POS export dropped in this customer feed: refused, naming the columns that did not map; Dismiss takes it off the row.
  await writeFile(join(folder, 'till.csv'), 'Email,Receipt No,Store,Register,Total,Tax,Tender\nann@example.com,R1,Bondi,2,10,1,Card\n');
  const pos = row.getByTestId('feed-failure').filter({ hasText: 'till.csv' });
  await expect(pos).toContainText('Only 1 of the 7 columns of till.csv match fields of customer_record, so nothing was sent. These did not map: "Receipt No", "Store"');
  await pos.getByRole('button', { name: 'Dismiss till.csv' }).click();
  await expect(pos).toHaveCount(0);
  expect((await readdir(join(folder, 'failed'))).sort()).toEqual(['members.csv.error.txt', 'till.csv', 'till.csv.error.txt']);
});
