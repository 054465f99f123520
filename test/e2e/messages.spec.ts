/**
 * Messages a person reads. An empty file is named, not its staged copy's path;
 * a retried upload says its attempt once and keeps the size in view; a JSON array converts in
 * the app as in the command; the mapping's choices fit the card at 800 px.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, addFiles, card, saveToken, snap, startFlakyHost, storedContent } from './fixtures.js';

test('an empty file is named on its card, without the staged copy’s path', async ({ app: page }, info) => {
  const name = 'empty-20260101-v1.csv';
  await writeFile(info.outputPath(name), '');
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await expect(c).toContainText(`The file ${name} is empty (0 bytes)`);
  await expect(c).not.toContainText('staging');
  await expect(c).not.toContainText('/');
});

test('while a broken upload is retried, the attempt shows once and the size stays in view', async ({ page, configDir }, info) => {
  const flaky = await startFlakyHost(configDir, info.outputPath('sandbox'), { cutAfterBytes: 512 * 1024, cutConnections: 1 });
  try {
    await page.goto(flaky.host.url);
    await saveToken(page, flaky.sandbox.token);
    const name = 'retry-20260101-v1.json';
    await writeFile(info.outputPath(name), Buffer.alloc(4_000_000, 'x'));
    await addFiles(page, [info.outputPath(name)]);
    const c = card(page, name);
    await c.getByRole('button', { name: 'Upload', exact: true }).click();
    // One snapshot of the card's text while it waits to retry.
    let during = '';
    await expect.poll(async () => {
      during = await c.innerText();
      return /Retrying/.test(during);
    }, { intervals: [50] }).toBe(true);
    expect(during.match(/attempt 2/gi) ?? []).toHaveLength(1);
    expect(during).toContain('of 4.00 MB');
    await snap(page, info, 'retrying');
    await expect(c.getByTestId('upload-result')).toHaveText('Success');
    expect(flaky.proxy.cuts).toBe(1);
  } finally {
    await flaky.close();
  }
});

test('a JSON array is converted to NDJSON in the app and uploaded', async ({ app: page, sandbox }, info) => {
  const name = 'people-20260101-v1.json';
  await writeFile(info.outputPath(name), JSON.stringify([
    { link: { email: 'ann@example.com' }, first_name: 'Ann' },
    { link: { email: 'bob@example.com' }, first_name: 'Bob' },
  ]));
  await saveToken(page, sandbox.token);
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await expect(c.getByLabel('Name sent to Lexer')).toHaveValue('people-20260101-v1.ndjson');
  await c.getByLabel('Dataset ID').fill('ds_json');
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await expect(c.getByRole('region', { name: 'Validation report' })).toContainText('Every row is valid.');
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  const stored = await sandbox.storedFiles();
  expect(stored[0]?.key).toMatch(/people-20260101-v1\.ndjson\.gz$/);
  const lines = (await storedContent(stored[0]!.path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { first_name: string });
  expect(lines.map((l) => l.first_name)).toEqual(['Ann', 'Bob']);
});

test('at 800 px the mapping’s choices fit inside the card', async ({ app: page }, info) => {
  await page.setViewportSize({ width: 800, height: 600 });
  const name = 'wide-20260101-v1.csv';
  await writeFile(info.outputPath(name), 'Email,Accepts Email Marketing,Loyalty Points Balance As Of The End Of The Financial Year,First Name\na@example.com,yes,10,Ann\n');
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  const table = c.getByRole('table', { name: 'Column mapping' });
  await expect(table).toBeVisible();
  const cardBox = await c.boundingBox();
  const selects = table.getByRole('combobox');
  for (let i = 0; i < (await selects.count()); i += 1) {
    const box = await selects.nth(i).boundingBox();
    expect(box && cardBox && box.x + box.width <= cardBox.x + cardBox.width, `choice ${i} inside the card`).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  // Each chosen option's words fit its box (measured in the select's own font, less its arrow).
  const cut = await table.evaluate((t) => {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return ['no canvas'];
    return [...t.querySelectorAll('select')].flatMap((s) => {
      const style = getComputedStyle(s);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = s.selectedOptions[0]?.text ?? '';
      const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return ctx.measureText(text).width > room ? [text] : [];
    });
  });
  expect(cut, 'choices cut off').toEqual([]);
  await expect(c.getByText('custom_fields.loyalty_points_balance_as_of_the_end_of_the_financial_year')).toBeVisible();
  await table.scrollIntoViewIfNeeded();
  await snap(page, info, 'mapping-800');
});
