/**
 * The address `lexer-upload ui` prints opens the app once: the page trades its
 * one-time code for the session key and drops it from the address bar, a second use of the
 * address says plainly why it opens nothing, and the first tab keeps working across a reload.
 */
import { test, expect, openTab } from './fixtures.js';

test('the printed address opens the app once, and a second use explains itself', async ({ app: page, host, context }) => {
  expect(page.url(), 'the code left the address bar (and the tab\'s history entry)').not.toContain('code=');
  await openTab(page, 'Settings');
  await expect(page.getByText('No token saved yet.')).toBeVisible();

  const second = await context.newPage();
  const answer = await second.goto(host.url);
  expect(answer?.status()).toBe(403);
  await expect(second.getByText(/already used/)).toBeVisible();
  await second.close();

  // The first tab still has its session after a reload: main answers its calls.
  await page.reload();
  await openTab(page, 'Settings');
  await expect(page.getByText('No token saved yet.')).toBeVisible();
});
