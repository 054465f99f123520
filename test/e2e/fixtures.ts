/**
 * Playwright fixtures: a real sandbox (the local Lexer look-alike), the real browser host over
 * a fresh config folder pointed at it, and the page opened on the host's URL. Nothing is mocked:
 * the renderer talks to main's services, which talk to the sandbox over loopback.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startSandbox, type Sandbox } from '../../main/sandbox/start-sandbox.js';
import { startTcpResetProxy, type TcpResetProxy } from '../helpers/tcp-reset-proxy.js';
import { startBrowserHost } from '../../main/host/start-browser-host.js';

export interface Host {
  url: string;
  /** What the host printed to its terminal (a watched folder's confirmation code, for one). */
  terminal: string[];
  close(): Promise<void>;
}

interface Fixtures {
  /** A fresh folder for the app's settings, token and history. */
  configDir: string;
  sandbox: Sandbox;
  /** The browser host serving the renderer for this test. */
  host: Host;
  /** Starts another host over the same config folder (a restart, as a user would do). */
  startHost: () => Promise<Host>;
  /** The page, opened on the host. */
  app: Page;
}

/** Starts the browser host over `configDir`, talking to `apiUrl`. */
async function launchHost(configDir: string, apiUrl: string): Promise<Host> {
  // The host reads these too when it builds its services; set both ways so either path works.
  process.env.LEXER_UPLOAD_CONFIG_DIR = configDir;
  process.env.LEXER_API_URL = apiUrl;
  // The host serves the built renderer (`npm test` builds first).
  const terminal: string[] = [];
  const host = await startBrowserHost({ port: 0, configDir, apiUrl, log: (line) => terminal.push(line) });
  return { url: host.url, terminal, close: () => host.close() };
}

/**
 * A sandbox whose upload links go through a TCP proxy that cuts (or stalls) the first connections,
 * and a host over `configDir` talking to it: a flaky network, for real. `close()` stops all three.
 */
export async function startFlakyHost(configDir: string, sandboxDir: string, faults: Parameters<typeof startTcpResetProxy>[0]) {
  const proxy: TcpResetProxy = await startTcpResetProxy(faults);
  const sandbox = await startSandbox({ dir: sandboxDir, s3Origin: proxy.origin, log: () => undefined });
  proxy.targetPort = Number(new URL(sandbox.apiUrl).port);
  const host = await launchHost(configDir, sandbox.apiUrl);
  return {
    proxy, sandbox, host,
    async close() {
      await host.close();
      await sandbox.close();
      await proxy.close();
    },
  };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  configDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-e2e-config-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  sandbox: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-e2e-sandbox-'));
    const sandbox = await startSandbox({ dir, log: () => undefined });
    await use(sandbox);
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  },
  startHost: async ({ configDir, sandbox }, use) => {
    const started: Host[] = [];
    await use(async () => {
      const host = await launchHost(configDir, sandbox.apiUrl);
      started.push(host);
      return host;
    });
    for (const h of started) await h.close().catch(() => undefined);
  },
  host: async ({ startHost }, use) => {
    await use(await startHost());
  },
  app: async ({ page, host }, use) => {
    // Script errors and CSP violations show up here; a clean run has none.
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console error: ${m.text()}`);
    });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Lexer Uploader' })).toBeVisible();
    await use(page);
    expect(problems, 'no script errors or CSP violations in the page').toEqual([]);
  },
});

export { expect };
/** The sha256 of a file, streamed (the e2e files can be hundreds of MB). */
export { sha256File as sha256 } from '../helpers/sandbox.js';

/** What Lexer reads from a stored object: its bytes, gunzipped when it was sent gzipped (NDJSON is, by default). */
export async function storedContent(path: string): Promise<Buffer> {
  const bytes = await readFile(path);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** The records of a stored NDJSON object, parsed ({@link storedContent}: gunzipped when sent gzipped). */
export async function storedRecords(path: string): Promise<Array<Record<string, unknown>>> {
  return (await storedContent(path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The sha256 of {@link storedContent}. */
export async function storedSha256(path: string): Promise<string> {
  return createHash('sha256').update(await storedContent(path)).digest('hex');
}

/** Opens a screen by its tab. */
export async function openTab(page: Page, name: 'Upload' | 'History' | 'Watched folders' | 'Settings'): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Saves a token through Settings, as a person would: paste, Save. */
export async function saveToken(page: Page, token: string): Promise<void> {
  await openTab(page, 'Settings');
  await page.getByLabel('API token', { exact: true }).fill(token);
  // Where encrypted storage is missing the UI asks; this session is enough for a test.
  const sessionOnly = page.getByRole('radio', { name: 'This session only' });
  if (await sessionOnly.count()) await sessionOnly.check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Token saved. It ends in ${token.slice(-4)}.`)).toBeVisible();
}

/**
 * Adds a watched folder the form describes, confirming it as a person would: the browser host
 * shows a code in its terminal for the folder asked for, typed into the form.
 */
export async function addFolderConfirmed(page: Page, host: Host): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a watched folder' });
  const before = host.terminal.length;
  await form.getByRole('button', { name: 'Add folder' }).click();
  await expect(form.getByLabel('Confirmation code from the terminal')).toBeVisible();
  const line = host.terminal.slice(before).find((l) => l.includes('type this code in the page:')) ?? '';
  const code = /type this code in the page: (\S+)/.exec(line)?.[1] ?? 'none shown';
  await form.getByLabel('Confirmation code from the terminal').fill(code);
  await form.getByRole('button', { name: 'Confirm and add folder' }).click();
}

/** Adds files through the Upload screen's file input (what Browse… opens). */
export async function addFiles(page: Page, paths: string[]): Promise<void> {
  await openTab(page, 'Upload');
  await page.getByTestId('file-input').setInputFiles(paths);
}

/** The card of a file, found by its heading (the file's name). */
export function card(page: Page, fileName: string) {
  return page.getByRole('main').getByRole('region', { name: fileName, exact: true });
}

/** An upload in History, found by text it shows (its file name, the name sent, its status). */
export function historyEntry(page: Page, text: string) {
  return page.getByTestId('history-entry').filter({ hasText: text });
}

/** Saves a full-page screenshot into the test's output and attaches it to the report. */
export async function snap(page: Page, info: TestInfo, name: string): Promise<string> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
  return path;
}
