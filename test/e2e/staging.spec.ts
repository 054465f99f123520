/**
 * In the browser host, the copies of dropped files do not pile up. A copy goes when its
 * card is removed or its upload succeeded, the same file dropped twice shares one copy, and
 * mapping presets live in the app's settings, so they survive the host starting on a new port.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBrowserHost } from '../../main/host/start-browser-host.js';
import { test, expect, addFiles, card, saveToken } from './fixtures.js';

/** The staged copies the host holds now (one folder per copy). */
async function copies(configDir: string): Promise<string[]> {
  return readdir(join(configDir, 'staging')).catch(() => []);
}

test('staged copies go with their card or their upload, and one file dropped twice is copied once', async ({ app: page, configDir, sandbox }, info) => {
  const name = 'staged-20260101-v1.ndjson';
  const file = info.outputPath(name);
  await writeFile(file, `${JSON.stringify({ link: { email: 'jane@example.com' } })}\n`);
  await saveToken(page, sandbox.token);

  await addFiles(page, [file]);
  await expect(card(page, name)).toBeVisible();
  await addFiles(page, [file]);
  await expect(card(page, name)).toHaveCount(2);
  expect(await copies(configDir)).toHaveLength(1);

  await card(page, name).first().getByRole('button', { name: `Remove ${name}` }).click();
  await expect(card(page, name)).toHaveCount(1);
  expect(await copies(configDir), 'the other card still uses the copy').toHaveLength(1);
  await card(page, name).getByRole('button', { name: `Remove ${name}` }).click();
  await expect.poll(() => copies(configDir)).toHaveLength(0);

  await addFiles(page, [file]);
  await expect.poll(() => copies(configDir)).toHaveLength(1);
  await card(page, name).getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(card(page, name).getByTestId('upload-result')).toHaveText('Success');
  await expect.poll(() => copies(configDir)).toHaveLength(0);
});

test('a mapping preset is still there after the host restarts on a new port', async ({ app: page, host, startHost }, info) => {
  const name = 'preset-20260101-v1.csv';
  await writeFile(info.outputPath(name), 'E-mail Address,Given\na@example.com,Ann\n');
  await addFiles(page, [info.outputPath(name)]);
  const c = card(page, name);
  await c.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await c.getByRole('combobox', { name: 'E-mail Address', exact: true }).selectOption('link.email');
  await c.getByRole('combobox', { name: 'Given', exact: true }).selectOption('first_name');
  await c.getByText('Mapping presets').click();
  await c.getByLabel('Preset name').fill('Weekly CRM');
  await c.getByRole('button', { name: 'Save mapping as preset' }).click();
  await expect(c.getByText('Saved “Weekly CRM”.')).toBeVisible();

  await host.close();
  const again = await startHost();
  expect(new URL(again.url).port).not.toBe(new URL(host.url).port);
  await page.goto(again.url);
  await addFiles(page, [info.outputPath(name)]);
  const d = card(page, name);
  await d.getByRole('radio', { name: 'Convert to NDJSON' }).check();
  await d.getByText(/Mapping presets/).click();
  await d.getByLabel('Saved mappings').selectOption('Weekly CRM');
  await d.getByRole('button', { name: 'Apply' }).click();
  await expect(d.getByRole('combobox', { name: 'Given', exact: true })).toHaveValue('first_name');
});

test('a reload ends the page\'s session: its staged copies are deleted, with no card left to remove', async ({ page, configDir, sandbox }, info) => {
  // A host of its own, which counts a page gone after 1 s without its event stream (30 s by default).
  const host = await startBrowserHost({ port: 0, configDir, apiUrl: sandbox.apiUrl, log: () => undefined, pageGoneMs: 1000 });
  try {
    await page.goto(host.url);
    const names = ['left-20260101-v1.csv', 'behind-20260101-v1.csv'];
    for (const name of names) await writeFile(info.outputPath(name), 'email\nann@example.com\n');
    await addFiles(page, names.map((n) => info.outputPath(n)));
    await expect(card(page, names[1]!)).toBeVisible();
    expect(await copies(configDir)).toHaveLength(2);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Lexer Uploader' })).toBeVisible();
    await expect(card(page, names[0]!)).toHaveCount(0);
    await expect.poll(() => copies(configDir), { timeout: 10_000 }).toHaveLength(0);

    // The new page's own copies stay while it is open.
    await addFiles(page, [info.outputPath(names[0]!)]);
    await expect(card(page, names[0]!)).toBeVisible();
    await page.waitForTimeout(2000);
    expect(await copies(configDir)).toHaveLength(1);
  } finally {
    await host.close();
  }
});
