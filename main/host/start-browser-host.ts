/**
 * The browser host (`lexer-upload ui`): the same renderer and the same services as the desktop
 * app, bridged over loopback HTTP instead of IPC, for machines without Electron and for the
 * end-to-end tests. Listens on 127.0.0.1 only; the printed URL carries a per-run key.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAppServices } from '../app/create-app-services.js';
import { rendererDir } from '../app/renderer-files.js';
import { trimCopies } from '../app/temp-copies.js';
import { configDir as defaultConfigDir } from '../config/paths.js';
import { createDefaultVault } from '../vault/default-vault.js';
import { createSessionVault } from '../vault/session-vault.js';
import { handleEvents } from './events-route.js';
import { handleFileUpload, pruneStaging } from './file-staging.js';
import { isLocalRequest, mayLoadPage, newHostKey, pageCookie, requestKey, sameKey } from './host-guard.js';
import { sendForbidden, sendJson } from './http-replies.js';
import { handleRpc } from './rpc-route.js';
import { serveStatic } from './static-files.js';

export interface BrowserHostOptions {
  port?: number;
  configDir?: string;
  /** The API URL until one is saved in settings (else env LEXER_API_URL, else Lexer's). */
  apiUrl?: string;
  log?: (line: string) => void;
  /** Where the renderer files are (defaults to dist/renderer). */
  rendererDir?: string;
}

/** Starts the host; resolves once it listens, with the URL to open (key included). */
export async function startBrowserHost(o: BrowserHostOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const dir = o.configDir ?? defaultConfigDir();
  const services = await createAppServices({
    userDataDir: dir,
    vault: await createDefaultVault(dir),
    sessionVault: createSessionVault(),
    envApiUrl: o.apiUrl ?? process.env.LEXER_API_URL ?? null,
    stagingDir: join(dir, 'staging'),
  });
  await pruneStaging(join(dir, 'staging'));
  // No page has cards yet: what is left of earlier runs is cut to a bounded cache (issue 9, item 23).
  await trimCopies(join(dir, 'staging'));
  const root = o.rendererDir ?? rendererDir(import.meta.url);
  const key = newHostKey();
  const pageKey = newHostKey();
  const streams = new Set<() => void>();
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isLocalRequest(req, port)) return sendForbidden(res);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const isApi = url.pathname.startsWith('/rpc/') || url.pathname === '/events' || url.pathname === '/files';
    if (!isApi) {
      if (!mayLoadPage(req, url, port, { key, pageKey })) return sendForbidden(res);
      res.setHeader('Set-Cookie', pageCookie(port, pageKey));
      return serveStatic(req, res, url, root);
    }
    if (!sameKey(requestKey(req, url), key)) return sendForbidden(res);
    if (url.pathname === '/events') {
      const end = handleEvents(req, res, services.events);
      streams.add(end);
      req.on('close', () => streams.delete(end));
      return;
    }
    if (url.pathname === '/files') return handleFileUpload(req, res, url, join(dir, 'staging'));
    return handleRpc(req, res, decodeURIComponent(url.pathname.slice('/rpc/'.length)), services.handlers);
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
  const url = `http://127.0.0.1:${port}/?key=${key}`;
  o.log?.(`Lexer Uploader is ready at http://127.0.0.1:${port}/ (open the full address with its key)`);

  return {
    url,
    async close() {
      await services.dispose();
      for (const end of streams) end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      await closed;
    },
  };
}
