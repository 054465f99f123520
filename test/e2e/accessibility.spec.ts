/**
 * axe-core on each screen (Upload with cards, a CSV card open, History, Settings): no serious or
 * critical violations. With UPDATE_SCREENSHOTS=1 the screens are also written to docs/screenshots
 * for the README.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, addFiles, card, historyEntry, openTab, saveToken, snap } from './fixtures.js';

async function expectNoSeriousViolations(page: Page, info: TestInfo, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.passes.length, 'axe ran its checks').toBeGreaterThan(10);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = info.outputPath(`axe-${screen}.json`);
  await writeFile(report, JSON.stringify(results.violations, null, 2));
  await info.attach(`axe-${screen}.json`, { path: report, contentType: 'application/json' });
  expect(serious.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Attaches the screen to the report; with UPDATE_SCREENSHOTS=1 also writes the README's copy. */
async function keep(page: Page, info: TestInfo, name: string, scrollTo?: Locator): Promise<void> {
  await snap(page, info, name);
  if (scrollTo) await scrollTo.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await mkdir('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

test('every screen passes axe without serious or critical violations', async ({ app: page, sandbox }, info) => {
  const ndjson = info.outputPath('customers-20250101-1.ndjson');
  await writeFile(ndjson, JSON.stringify({ link: { email: 'jane@example.com' } }) + '\n');
  const csv = info.outputPath('My Customers (export).csv');
  await writeFile(csv, '\uFEFFEmail,First Name,Loyalty Points\r\njane@example.com,Jane,3600\r\nbob@example.com,Bob,10\r\n');

  await saveToken(page, sandbox.token);
  await openTab(page, 'Upload');
  await expectNoSeriousViolations(page, info, 'upload-empty');

  await addFiles(page, [ndjson]);
  const n = card(page, 'customers-20250101-1.ndjson');
  await n.getByLabel('Dataset ID').fill('ds_demo');
  await n.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(n.getByTestId('upload-result')).toHaveText('Success');
  await expectNoSeriousViolations(page, info, 'upload');
  await keep(page, info, 'upload');

  await n.getByRole('button', { name: /^Remove / }).click();
  await addFiles(page, [csv]);
  const c = card(page, 'My Customers (export).csv');
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await expect(c.getByRole('table', { name: 'Column mapping' })).toBeVisible();
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await expect(c.getByRole('region', { name: 'Validation report' })).toBeVisible();
  await expectNoSeriousViolations(page, info, 'csv-card');
  await keep(page, info, 'csv', c);
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');

  await openTab(page, 'History');
  await expect(historyEntry(page, 'customers-20250101-1.ndjson')).toBeVisible();
  await expectNoSeriousViolations(page, info, 'history');
  await keep(page, info, 'history');

  await openTab(page, 'Settings');
  await expect(page.getByTestId('token-last4')).toBeVisible();
  await expectNoSeriousViolations(page, info, 'settings');
  await keep(page, info, 'settings');

  // The dark theme has its own colours: contrast is checked there too.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, info, 'settings-dark');
  await openTab(page, 'Upload');
  await expectNoSeriousViolations(page, info, 'csv-card-dark');
  await snap(page, info, 'csv-dark');
});

test('first run, bulk actions, the link warning, the left-out question and History cards pass axe at 800x600', async ({ app: page, sandbox }, info) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(page.getByTestId('first-run')).toBeVisible();
  await expectNoSeriousViolations(page, info, 'first-run');

  const csv = info.outputPath('Links (export).csv');
  await writeFile(csv, 'Email,Customer ID,Birthday\na@example.com,C1,31/02/1985\nb@example.com,C2,1985-04-13\n');
  const ndjson = info.outputPath('people-20260101-v1.ndjson');
  await writeFile(ndjson, '{"link":{"email":"a@example.com"}}\n');
  await saveToken(page, sandbox.token);
  await addFiles(page, [csv, ndjson]);
  const c = card(page, 'Links (export).csv');
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByRole('combobox', { name: 'Customer ID', exact: true }).selectOption('link.customer_id');
  await expect(c.getByTestId('link-warning')).toBeVisible();
  await c.getByLabel('Dataset ID').fill('ds 1');
  await expectNoSeriousViolations(page, info, 'bulk-and-mapping');

  await c.getByLabel('Dataset ID').fill('ds_1');
  await c.getByRole('button', { name: /^Send “Customer ID”/ }).click();
  await c.getByRole('button', { name: 'Convert and validate' }).click();
  await expect(c.getByRole('region', { name: 'Validation report' })).toBeFocused();
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, info, 'question');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await saveToken(page, 'not-the-sandbox-token-wxyz');
  await openTab(page, 'Upload');
  await card(page, 'people-20260101-v1.ndjson').getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(card(page, 'people-20260101-v1.ndjson').getByTestId('upload-result')).toHaveText('Failed');
  await openTab(page, 'History');
  await expect(historyEntry(page, 'people-20260101-v1.ndjson')).toContainText('Failed');
  await expectNoSeriousViolations(page, info, 'history-cards');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, info, 'history-cards-dark');
});
