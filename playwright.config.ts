/**
 * End-to-end tests drive the real renderer by accessible names. Two projects: the browser host
 * (`lexer-upload ui`) in Debian's Chromium, which runs everywhere, and the real Electron app,
 * which runs only where the Electron binary was downloaded (`*.electron.spec.ts`).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // One worker: each test starts its own sandbox and host, and the machine may have 2 cores.
  workers: 1,
  // One retry on CI only: a shared 2-core machine can starve a browser test once; a test that
  // fails twice still fails, and a flaky pass is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    viewport: { width: 1000, height: 700 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser-host',
      testIgnore: /\.electron\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /\.electron\.spec\.ts$/,
    },
  ],
});
