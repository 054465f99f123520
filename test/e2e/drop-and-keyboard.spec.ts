/** The window-wide drop zone and the keyboard paths a person without a mouse takes. */
import { test, expect, card, openTab, snap } from './fixtures.js';

test('dragging files over the window shows the overlay and dropping adds a card', async ({ app: page }, info) => {
  await openTab(page, 'History');
  const handle = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{"link":{"email":"jane@example.com"}}\n'], 'dropped-20250101-v1.ndjson', { type: 'application/x-ndjson' }));
    return dt;
  });
  await page.evaluate((dt) => window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true })), handle);
  await expect(page.getByText('Drop files to add them')).toBeVisible();
  await snap(page, info, 'drag-overlay');
  await page.evaluate((dt) => window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })), handle);
  await expect(page.getByText('Drop files to add them')).toBeHidden();
  // A drop on another screen brings Upload to the front with the new card.
  await expect(page.getByRole('tab', { name: 'Upload', exact: true })).toHaveAttribute('aria-selected', 'true');
  const c = card(page, 'dropped-20250101-v1.ndjson');
  await expect(c.getByText('NDJSON', { exact: true })).toBeVisible();
  await expect(c.getByLabel('Name sent to Lexer')).toHaveValue('dropped-20250101-v1.ndjson');
  await expect(page.getByTestId('live-region')).toContainText('1 file added');
});

test('the tabs and Browse… are reachable from the keyboard', async ({ app: page }) => {
  const upload = page.getByRole('tab', { name: 'Upload', exact: true });
  await upload.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'History', exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Upload history' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Settings', exact: true })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(upload).toHaveAttribute('aria-selected', 'true');
  // From the selected tab, the next stops are the first-run panel's two choices, then Browse….
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Paste your API token' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Browse…' })).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBe(true);
});
