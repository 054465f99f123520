/**
 * The browser host (`lexer-upload ui`): the same renderer and the same services as the desktop
 * app, bridged over loopback HTTP instead of IPC, for machines without Electron and for the
 * end-to-end tests. Listens on 127.0.0.1 only; the printed address carries a one-time code
 * that the page exchanges for the session key (host-guard.ts).
 */
import { rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAppServices } from '../services/create-app-services.js';
import { onlyFilesInside } from '../services/files/file-access.js';
import { rendererDir } from '../services/page/renderer-files.js';
import { releaseCopy, trimCopies } from '../services/files/temp-copies.js';
import { configDir as defaultConfigDir } from '../engine/config/paths.js';
import { ensurePrivateDir } from '../engine/config/private-dir.js';
import { createDefaultVault } from '../engine/vault/default-vault.js';
import { createDefaultSecrets } from '../engine/vault/secret-store.js';
import { createSessionVault } from '../engine/vault/session-vault.js';
import { handleEvents } from './events-route.js';
import { createTerminalConfirmation } from './feed-confirmation.js';
import { handleFileUpload, pruneStaging } from './file-staging.js';
import { createPageCopies } from './page-copies.js';
import { exchangeCode, isLocalRequest, newHostKey, pageAccess, pageCookie, requestKey, sameKey, type OneTimeCode } from './host-guard.js';
import { ADDRESS_USED, sendForbidden, sendJson, sendPageRefused } from './http-replies.js';
import { handleRpc } from './rpc-route.js';
import { serveStatic } from './static-files.js';

export interface BrowserHostOptions {
  port?: number;
  configDir?: string;
  /** The API URL until one is saved in settings (else env LEXER_API_URL, else Lexer's). */
  apiUrl?: string;
  /** The host's terminal: where a watched folder the page asks for is confirmed (default: standard error). */
  log?: (line: string) => void;
  /** Where the renderer files are (defaults to dist/renderer). */
  rendererDir?: string;
  /** The most bytes one staged file may have (default: what the disk can spare); tests set one. */
  maxStagedBytes?: number;
  /** Also write a private page that opens the one-time address (see {@link BrowserHost.launchFile}). */
  launchFile?: boolean;
  /** How long a page may be gone (no event stream) before its staged copies are deleted; tests shorten it. */
  pageGoneMs?: number;
}

/** A page away this long is gone: a reload or a closed tab, not a stream that drops and reconnects (EventSource retries within seconds). */
const PAGE_GONE_MS = 30_000;
/** The id a page names itself by (renderer/host-transport.ts makes a UUID per load). */
const PAGE_ID = /^[A-Za-z0-9-]{8,64}$/;

/** A running browser host. */
export interface BrowserHost {
  /**
   * The address to print or open: this host's origin with the one-time code. It opens the app
   * once; a second use is refused, so a copy in the browser's history is worthless.
   */
  url: string;
  /** The origin alone (`http://127.0.0.1:PORT`), for messages; it opens nothing by itself. */
  origin: string;
  /**
   * With `launchFile`: a page in the private config folder (0600) that opens the one-time address,
   * for a browser opener. Its path is no secret, so it may go on the opener's command line, which
   * every local user can read in /proc; the address never does. Removed once the code is traded.
   */
  launchFile: string | null;
  close(): Promise<void>;
}

/** Starts the host; resolves once it listens, with the one-time address to open. */
export async function startBrowserHost(o: BrowserHostOptions = {}): Promise<BrowserHost> {
  const dir = o.configDir ?? defaultConfigDir();
  const staging = join(dir, 'staging');
  await ensurePrivateDir(dir);
  const services = await createAppServices({
    userDataDir: dir,
    vault: await createDefaultVault(dir),
    sessionVault: createSessionVault(),
    secrets: await createDefaultSecrets(dir),
    envApiUrl: o.apiUrl ?? process.env.LEXER_API_URL ?? null,
    stagingDir: staging,
    // The page may name only what the user gave it: staged copies and conversion outputs.
    checkFile: onlyFilesInside([staging, join(dir, 'converted')]),
    // Nor may it add a watched folder on its own: the person confirms it in this host's terminal.
    confirmFeed: createTerminalConfirmation(o.log ?? ((line) => process.stderr.write(`${line}\n`))),
  });
  await pruneStaging(staging);
  // No page has cards yet: what is left of earlier runs is cut to a bounded cache.
  await trimCopies(staging);
  // Each page's copies go when the page does (its session ends), unless an upload still reads them.
  const copies = createPageCopies({
    graceMs: o.pageGoneMs ?? PAGE_GONE_MS, inUse: (path) => services.reads(path), release: (path) => releaseCopy([staging], path),
  });
  const pageOf = (url: URL, req: IncomingMessage): string | null => {
    const id = url.searchParams.get('page') ?? req.headers['x-lexer-page'];
    return typeof id === 'string' && PAGE_ID.test(id) ? id : null;
  };
  const root = o.rendererDir ?? rendererDir(import.meta.url);
  const key = newHostKey();
  const pageKey = newHostKey();
  const code: OneTimeCode = { value: newHostKey(), used: false };
  const streams = new Set<() => void>();
  let port = 0;
  let launchFile: string | null = null;
  // Once the code is traded the page is worthless; it goes then (or when the host stops).
  const removeLaunchFile = async (): Promise<void> => {
    if (launchFile) await rm(launchFile, { force: true }).catch(() => undefined);
    launchFile = null;
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isLocalRequest(req, port)) return sendForbidden(res);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/session') return handleSession(req, res, code, key, removeLaunchFile);
    const isApi = url.pathname.startsWith('/rpc/') || url.pathname === '/events' || url.pathname === '/files';
    if (!isApi) {
      const access = pageAccess(req, url, port, { code, pageKey });
      if (access !== 'open') return sendPageRefused(res, access);
      res.setHeader('Set-Cookie', pageCookie(port, pageKey));
      return serveStatic(req, res, url, root);
    }
    if (!sameKey(requestKey(req, url), key)) return sendForbidden(res);
    const page = pageOf(url, req);
    if (url.pathname === '/events') {
      const end = handleEvents(req, res, services.events);
      const left = page ? copies.opened(page) : () => undefined;
      streams.add(end);
      req.on('close', () => {
        streams.delete(end);
        left();
      });
      return;
    }
    if (url.pathname === '/files') {
      return handleFileUpload(req, res, url, staging, { maxBytes: o.maxStagedBytes, onStaged: (path) => page && copies.staged(page, path) });
    }
    let channel: string;
    try {
      channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'usage', message: 'The channel name in the address is not valid percent-encoding.' } });
    }
    return handleRpc(req, res, channel, services.handlers);
  };

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The host could not answer that request.' } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/?code=${code.value}`;
  launchFile = o.launchFile ? await writeLaunchFile(join(dir, `open-${port}.html`), url) : null;

  return {
    url,
    origin,
    launchFile,
    async close() {
      await removeLaunchFile();
      await services.dispose();
      await copies.releaseAll();
      for (const end of streams) end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      await closed;
    },
  };
}

/**
 * Writes the page that opens `url`: created new (O_EXCL, never through a link), 0600 in the private
 * config folder, so only this user reads the code in it.
 */
async function writeLaunchFile(path: string, url: string): Promise<string> {
  await rm(path, { force: true });
  const page = '<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">'
    + `<meta http-equiv="refresh" content="0;url=${url}"><title>Lexer Uploader</title><p><a href="${url}">Open Lexer Uploader</a></p>\n`;
  await writeFile(path, page, { flag: 'wx', mode: 0o600 });
  return path;
}

/** `POST /session`: the page trades the one-time code (header) for the session key, once. */
function handleSession(req: IncomingMessage, res: ServerResponse, code: OneTimeCode, key: string, onTraded: () => Promise<void>): void {
  req.resume();
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'usage', message: 'Use POST for /session.' } });
  switch (exchangeCode(req, code)) {
    case 'granted':
      void onTraded();
      return sendJson(res, 200, { ok: true, value: { key } });
    case 'used':
      return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: ADDRESS_USED } });
    case 'refused':
      return sendForbidden(res);
  }
}
