/**
 * One bad optional field need not cost the whole customer. Per
 * conversion, "keep the record and leave out fields that are invalid" keeps it without them
 * (never without its link); the report counts both the records dropped and the fields left out,
 * and the export lists each, with the row's identifier (its link value) beside its line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, snap, storedRecords } from './fixtures.js';

const CSV = [
  'Email,First Name,Date of Birth,Employee',
  'ann@example.com,Ann,25/03/1985,yes',
  'bob@example.com,Bob,31/02/1985,perhaps',
  'not-an-email,Cy,01/01/1990,no',
  'dee@example.com,Dee,15/07/1979,no',
  '',
].join('\n');

async function exported(page: Page, report: Locator): Promise<string[][]> {
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Export error list' }).click();
  return Papa.parse<string[]>((await readFile(await (await download).path(), 'utf8')).trim()).data;
}

test('keeping records without their invalid optional fields: counted, exported and sent without them', async ({ app: page, sandbox }, info) => {
  const name = 'crm-20260101-v1.csv';
  await writeFile(info.outputPath(name), CSV);
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByLabel('Dataset ID').fill('ds_keep');
  await c.getByRole('checkbox', { name: 'Keep the record and leave out fields that are invalid' }).check();
  await c.getByRole('button', { name: 'Convert and validate' }).click();

  const report = c.getByRole('region', { name: 'Validation report' });
  await expect(report).toBeFocused();
  // Bob is kept without his date of birth and employee flag; the row without a valid link is dropped.
  await expect(report.getByRole('definition').nth(1)).toHaveText('3');
  await expect(report.getByRole('definition').nth(2)).toHaveText('1');
  await expect(report.getByTestId('left-out-fields')).toHaveText('1 record was kept without 2 invalid optional fields; the export lists each one.');
  const table = report.getByRole('table', { name: 'Fields left out by field and rule' });
  await expect(table.getByRole('row', { name: /date_of_birth not a day\/month\/year date 1/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /employee_flag not true or false 1/ })).toBeVisible();
  await snap(page, info, 'kept-without-fields');

  const rows = await exported(page, report);
  expect(rows[0]).toEqual(['line', 'identifier', 'outcome', 'field', 'rule', 'message']);
  expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
    ['3', 'bob@example.com', 'field left out', 'date_of_birth'],
    ['3', 'bob@example.com', 'field left out', 'employee_flag'],
    ['4', 'not-an-email', 'record left out', 'link.email'],
  ]);

  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByRole('dialog', { name: 'Send with records left out?' }).getByRole('button', { name: 'Send', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  // The result and History say what went without which fields, not just the records.
  await expect(c.getByTestId('upload-records')).toHaveText('3 records sent; 1 row left out; 2 fields left out (date_of_birth, employee_flag).');
  await openTab(page, 'History');
  await expect(historyEntry(page, name).getByTestId('history-records')).toHaveText('3 records sent; 1 row left out; 2 fields left out (date_of_birth, employee_flag)');
  await snap(page, info, 'history-fields-left-out');
  const stored = await sandbox.storedFiles();
  const records = await storedRecords(stored[0]!.path);
  expect(records.map((r) => (r.link as { email: string }).email)).toEqual(['ann@example.com', 'bob@example.com', 'dee@example.com']);
  expect(records[1]).toEqual({ link: { email: 'bob@example.com' }, first_name: 'Bob' });
});

test('the error export and the report name each failed row\'s customer beside its line', async ({ app: page }, info) => {
  const name = 'crm-20260102-v1.csv';
  await writeFile(info.outputPath(name), CSV);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  const report = c.getByRole('region', { name: 'Validation report' });
  const rows = await exported(page, report);
  expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
    ['3', 'bob@example.com', 'record left out'],
    ['3', 'bob@example.com', 'record left out'],
    ['4', 'not-an-email', 'record left out'],
  ]);
  await expect(report.getByRole('listitem').filter({ hasText: 'Line 4: link.email:' })).toHaveText('Line 4: link.email: "not-an-email" is not an email address — not-an-email');
  await expect(report.getByRole('listitem').filter({ hasText: 'Line 3: date_of_birth:' })).toContainText('— bob@example.com');
});
