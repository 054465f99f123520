/**
 * "Things to know" is short, lists real problems only, follows the
 * mapping as it changes, and two columns feeding a record's one link are caught at the mapping.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, snap, storedContent } from './fixtures.js';

test('Things to know follows the mode and the mapping, and never calls a suggestion a problem', async ({ app: page }, info) => {
  const name = 'shop-20260101-v1.csv';
  const rows = ['\uFEFFEmail,First Name,Customer ID,Loyalty Points'];
  for (let i = 0; i < 8; i += 1) rows.push(i < 5 ? `c${i}@example.com,Jane,C${i},${i},extra` : `c${i}@example.com,Jane,C${i},${i}`);
  await writeFile(info.outputPath(name), `${rows.join('\r\n')}\r\n`);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  const notes = c.getByTestId('things-to-know');

  // Sending as it is: the file's problems, a few shown and the rest folded away, and the BOM as
  // a note (it is removed when converting; nothing to fix).
  await expect(notes.locator('[data-note="bom"]')).toBeVisible();
  await expect(notes).not.toContainText('matches no field');
  await expect(notes.locator('> ul > li[data-issue]')).toHaveCount(3);
  await expect(notes.getByText('2 more things to know')).toBeVisible();
  await expect(notes).not.toContainText('As mapped now');

  // Converting: one line on the mapping as it stands, updated as it changes.
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await expect(notes).toContainText('As mapped now: 3 columns go to fields of customer_record, 1 to custom fields, 0 left out.');
  await c.getByRole('combobox', { name: 'Loyalty Points', exact: true }).selectOption({ label: 'Leave out this column' });
  await expect(notes).toContainText('As mapped now: 3 columns go to fields of customer_record, 0 to custom fields, 1 left out.');
  await c.getByRole('combobox', { name: 'Email', exact: true }).selectOption({ label: 'Leave out this column' });
  await expect(notes).toContainText('No column fills link, which every customer_record record needs');
  await expect(notes).not.toContainText('matches no field');
  await snap(page, info, 'things-to-know');
});

test('two columns feeding link are caught at the mapping, and the fix is one click', async ({ app: page, sandbox }, info) => {
  const name = 'links-20260101-v1.csv';
  await writeFile(info.outputPath(name), 'Email,Customer ID,First Name\na@example.com,C1,Ann\nb@example.com,C2,Bob\n');
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByRole('combobox', { name: 'Email', exact: true }).selectOption('link.email');
  await c.getByRole('combobox', { name: 'Customer ID', exact: true }).selectOption('link.customer_id');

  const warning = c.getByTestId('link-warning');
  await expect(warning).toContainText('A record has one link, but “Email” (link.email) and “Customer ID” (link.customer_id) both fill it');
  await snap(page, info, 'link-warning');
  await warning.getByRole('button', { name: 'Send “Customer ID” as customer_id' }).click();
  await expect(warning).toBeHidden();
  await expect(c.getByRole('combobox', { name: 'Customer ID', exact: true })).toHaveValue('customer_id');

  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await expect(c.getByRole('region', { name: 'Validation report' })).toContainText('Every row is valid.');
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const lines = (await storedContent((await sandbox.storedFiles())[0]!.path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({ link: { email: 'a@example.com' }, customer_id: 'C1' });
});

test('Things to know says once what no column fills, and follows the mapping: never a stale list beside the current one', async ({ app: page }, info) => {
  const name = 'till-20260101-v1.csv';
  await writeFile(info.outputPath(name), 'When,Docket,Email,Amount\n2026-03-01T10:00:00,D-1,ann@example.com,10\n');
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Record type').selectOption('purchase');
  const notes = c.getByTestId('things-to-know');
  await expect(notes).toContainText('No column fills action_at, type, purchase_id, products');

  await c.getByRole('combobox', { name: 'When', exact: true }).selectOption('action_at');
  await c.getByRole('combobox', { name: 'Docket', exact: true }).selectOption('purchase_id');
  await expect(notes).toContainText('No column fills type, products');
  await expect(notes).not.toContainText('action_at');
  await expect(notes.getByText(/No column fills/)).toHaveCount(1);
  await snap(page, info, 'things-to-know-after-mapping');
});
