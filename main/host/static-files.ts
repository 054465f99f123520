/**
 * Serves the built renderer (dist/renderer) with the same strict CSP and security headers the
 * Electron `app://` protocol sends, streamed from disk.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS, contentTypeFor } from '../app/content-security-policy.js';
import { resolveRendererFile } from '../app/renderer-files.js';

/** Answers a GET for a renderer file, or 404. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, root: string): Promise<void> {
  const file = req.method === 'GET' || req.method === 'HEAD' ? resolveRendererFile(root, url.pathname) : null;
  const info = file ? await stat(file).catch(() => null) : null;
  if (url.pathname === '/favicon.ico' && !info?.isFile()) {
    res.writeHead(204, SECURITY_HEADERS); // browsers ask for it unprompted; no icon beats a console error
    return void res.end();
  }
  if (!file || !info?.isFile()) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(file && url.pathname === '/' ? 'The app is not built yet: run `npm run build`.' : 'Not found');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
