/**
 * An Excel workbook, an image, or a zip renamed .csv never uploads. Each card
 * says what the file is and the one thing to do, Upload stays off, and nothing reaches the API.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, snap } from './fixtures.js';
import { pngFile, xlsxFile, zipFile } from '../helpers/office-files.js';

test('Excel, PNG and a zip named .csv are refused on their cards with what to do', async ({ app: page, sandbox }, info) => {
  const files = {
    'customers_export.xlsx': xlsxFile(),
    'logo.png': pngFile(),
    'customers-20260101-v1.csv': zipFile({ 'customers.csv': 'email\njane@example.com\n' }),
  };
  const paths = await Promise.all(Object.entries(files).map(async ([name, bytes]) => {
    const path = info.outputPath(name);
    await writeFile(path, bytes);
    return path;
  }));
  await saveToken(page, sandbox.token);
  await addFiles(page, paths);

  const excel = card(page, 'customers_export.xlsx');
  await expect(excel.getByText('This file cannot be uploaded.')).toBeVisible();
  await expect(excel).toContainText('customers_export.xlsx is an Excel workbook');
  await expect(excel).toContainText("Excel workbooks can't be loaded: in Excel choose File > Save As > CSV UTF-8, then drop the .csv here.");
  await expect(card(page, 'logo.png')).toContainText('logo.png is an image');
  // Named .csv, but a zip inside: decided by content, refused the same way.
  const zipped = card(page, 'customers-20260101-v1.csv');
  await expect(zipped).toContainText('is a zip archive');
  for (const name of Object.keys(files)) {
    await expect(card(page, name).getByRole('button', { name: 'Upload', exact: true })).toBeDisabled();
  }
  await expect(page.getByTestId('live-region')).toContainText('3 cannot be uploaded');
  await snap(page, info, 'unsupported');
  expect(sandbox.requestLog.filter((r) => r.method === 'POST')).toHaveLength(0);
});
