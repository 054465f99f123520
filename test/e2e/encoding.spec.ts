/**
 * A CSV's encoding on its card: detected and shown ("Detect (Mac Roman)"); a file no single
 * encoding reads says so in Things to know and its conversion is refused until the person
 * chooses under Encoding; the encoding chosen is the one the preview and the conversion read.
 */
import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { test, expect, addFiles, card, saveToken, storedRecords } from './fixtures.js';

const MAC_ROWS = ['First Name,Last Name,Email', 'José,Müller,jose@example.com', 'François,Crème,francois@example.com'];

test('an old Mac export is read as Mac Roman; one joined to Windows-1252 rows waits for the encoding chosen', async ({ app: page, sandbox }, info) => {
  const mac = 'Contacts (old Mac).csv';
  await writeFile(info.outputPath(mac), iconv.encode(`${MAC_ROWS.join('\r')}\r`, 'macintosh'));
  const joined = 'Contacts joined.csv';
  await writeFile(info.outputPath(joined), Buffer.concat([
    iconv.encode(`${MAC_ROWS.join('\r\n')}\r\n`, 'macintosh'),
    iconv.encode('Renée,Dubé,renee@example.com\r\n', 'windows-1252'),
  ]));
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(mac), info.outputPath(joined)]);

  const detected = card(page, mac);
  await expect(detected.getByLabel('Encoding').locator('option:checked')).toHaveText('Detect (Mac Roman)');
  await expect(detected.getByRole('cell', { name: 'José' })).toBeVisible();

  const c = card(page, joined);
  await expect(c.getByTestId('things-to-know').locator('[data-issue="encoding-unknown"]')).toContainText('no single encoding reads all of it: lines 2 and 3 do not read as Windows-1252; line 4 does not read as Mac Roman');
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Dataset ID').fill('ds_contacts');
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await expect(c.locator('.error-text').filter({ hasText: 'no single encoding reads all of it' })).toContainText('No output was written.');

  await c.getByLabel('Encoding').selectOption({ label: 'Mac Roman' });
  await expect(c.getByTestId('things-to-know').locator('[data-issue="encoding-unknown"]')).toHaveCount(0);
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await expect(c.getByRole('region', { name: 'Validation report' })).toBeVisible();
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const stored = await sandbox.storedFiles();
  const names = (await storedRecords(stored[0]!.path)).map((r) => r.first_name);
  expect(names.slice(0, 2)).toEqual(['José', 'François']);
});
