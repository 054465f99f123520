/**
 * Big files in the app: gzip on the way (on by default for NDJSON, off with the card's box, the
 * choice remembered in Settings), parts under the part size set in Settings (the notice before
 * sending, a row per part, History's parts), and the duplicate question.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, sha256, snap, storedSha256 } from './fixtures.js';

function customers(count: number, seed: string): string {
  return Array.from({ length: count }, (_, i) => `${JSON.stringify({ link: { customer_id: `${seed}-${i}` }, email: `p${i}@example.com`, note: randomBytes(8).toString('hex') })}\n`).join('');
}

test('NDJSON is gzipped on the way by default; unticking "Compress (gzip)" sends it as it is, and Settings remembers', async ({ app: page, sandbox }, info) => {
  const zipped = 'zipped-20260101-v1.ndjson';
  await writeFile(info.outputPath(zipped), customers(300, 'z'));
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(zipped)]);
  const a = card(page, zipped);
  await expect(a.getByRole('checkbox', { name: 'Compress (gzip)' })).toBeChecked();
  await expect(a.locator('.sent-as')).toContainText(`${zipped}.gz`);
  await a.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(a.getByTestId('upload-result')).toHaveText('Success');
  await expect(a).toContainText(/Sent [\d.]+ kB \(gzipped from [\d.]+ kB\) as zipped-20260101-v1\.ndjson\.gz/);
  const first = (await sandbox.storedFiles()).find((f) => f.key.endsWith(`/${zipped}.gz`));
  expect(first, 'stored under the name with .gz').toBeTruthy();
  expect(await storedSha256(first!.path)).toBe(await sha256(info.outputPath(zipped)));

  const plain = 'plain-20260101-v1.ndjson';
  await writeFile(info.outputPath(plain), customers(50, 'p'));
  await addFiles(page, [info.outputPath(plain)]);
  const b = card(page, plain);
  await b.getByRole('checkbox', { name: 'Compress (gzip)' }).uncheck();
  await expect(b.locator('.sent-as')).toHaveCount(0); // sent under its own name now
  await b.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(b.getByTestId('upload-result')).toHaveText('Success');
  const second = (await sandbox.storedFiles()).find((f) => f.key.endsWith(`/${plain}`));
  expect(second, 'stored under its own name').toBeTruthy();
  expect(await readFile(second!.path)).toEqual(await readFile(info.outputPath(plain)));
  await snap(page, info, 'gzip-on-and-off');

  await openTab(page, 'Settings');
  await expect(page.getByRole('checkbox', { name: 'Compress NDJSON before sending (gzip)' })).not.toBeChecked();
});

test('with a small part size set in Settings, the card says so before sending, shows a row per part, and History keeps the parts', async ({ app: page, sandbox }, info) => {
  const name = 'crm-20260101-v1.ndjson';
  await writeFile(info.outputPath(name), customers(1500, 'crm'));
  await saveToken(page, sandbox.token);
  await openTab(page, 'Settings');
  await page.getByLabel('Largest part').fill('20KB');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  // Lexer asks the first part's link to wait 2 s, so the parts can be seen on their way.
  sandbox.faults.apiResponses.push({ status: 429, retryAfter: 2 });
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('parts-notice')).toHaveText(/^This file is [\d.]+ kB after compression; it will be sent as \d+ parts, each loaded by Lexer as its own file\.$/);
  const count = Number(/sent as (\d+) parts/.exec((await c.getByTestId('parts-notice').textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThanOrEqual(2);
  const rows = c.getByRole('list', { name: 'Parts' }).getByRole('listitem');
  await expect(rows).toHaveCount(count);
  await expect(rows.first()).toContainText(/Part 1 of \d+: crm-part01of\d+-20260101-v1\.ndjson\.gz/);
  await snap(page, info, 'parts-sending');

  await expect(c.getByTestId('upload-result')).toHaveText('Success', { timeout: 30_000 });
  await expect(c).toContainText(new RegExp(`in ${count} parts as crm-20260101-v1\\.ndjson\\.gz`));
  await expect(rows.filter({ hasText: /Sent · |Sent Upload ID|Upload ID \d+/ })).toHaveCount(count);
  const stored = (await sandbox.storedFiles()).filter((f) => f.key.includes('crm-part'));
  expect(stored).toHaveLength(count);

  await openTab(page, 'History');
  const entry = historyEntry(page, name);
  await expect(entry).toContainText(`in ${count} parts`);
  const parts = entry.getByTestId('history-part');
  await expect(parts).toHaveCount(count);
  for (let i = 0; i < count; i += 1) await expect(parts.nth(i)).toContainText(/· Success · Upload ID \d+/);
  await snap(page, info, 'parts-history');
});

test('the same content under another name asks before sending again, with Cancel the default', async ({ app: page, sandbox }, info) => {
  const content = customers(40, 'dup');
  await writeFile(info.outputPath('weekly-20260101-v1.ndjson'), content);
  await writeFile(info.outputPath('weekly-copy-20260108-v1.ndjson'), content);
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath('weekly-20260101-v1.ndjson')]);
  const first = card(page, 'weekly-20260101-v1.ndjson');
  await first.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(first.getByTestId('upload-result')).toHaveText('Success');
  const before = (await sandbox.storedFiles()).length;

  await addFiles(page, [info.outputPath('weekly-copy-20260108-v1.ndjson')]);
  const copy = card(page, 'weekly-copy-20260108-v1.ndjson');
  await copy.getByRole('button', { name: 'Upload', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Send this file again?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/This file was already sent to the sandbox on this computer \(not Lexer\) on \d+ \w+ \d{4} at \d\d:\d\d as weekly-20260101-v1\.ndjson\.gz \(upload id \d+\)\. Send it again\?/);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await snap(page, info, 'duplicate-question');
  await page.keyboard.press('Enter'); // the habit of pressing Enter keeps the data from going twice
  await expect(dialog).toBeHidden();
  await expect(copy.getByTestId('upload-result')).toHaveText('Not sent');
  expect(await sandbox.storedFiles()).toHaveLength(before);

  await copy.getByRole('button', { name: 'Upload', exact: true }).click();
  await dialog.getByRole('button', { name: 'Send again' }).click();
  await expect(copy.getByTestId('upload-result')).toHaveText('Success');
  expect(await sandbox.storedFiles()).toHaveLength(before + 1);
});
