/**
 * Serves the built renderer (dist/renderer) with the same strict CSP and security headers the
 * Electron `app://` protocol sends, streamed from disk.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, relative } from 'node:path';
import { SECURITY_HEADERS, contentTypeFor } from '../services/page/content-security-policy.js';
import { resolveRendererFile } from '../services/page/renderer-files.js';

/**
 * The real path of a renderer file, or null when it is missing or a symlink leads out of the
 * renderer folder: the path check alone looks at names, and a link inside the folder could
 * name any file on the machine.
 */
async function realFileInside(root: string, file: string): Promise<string | null> {
  const [realRoot, real] = await Promise.all([realpath(root).catch(() => null), realpath(file).catch(() => null)]);
  if (!realRoot || !real) return null;
  const rel = relative(realRoot, real);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? real : null;
}

/** Answers a GET for a renderer file, or 404. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, root: string): Promise<void> {
  const named = req.method === 'GET' || req.method === 'HEAD' ? resolveRendererFile(root, url.pathname) : null;
  const file = named ? await realFileInside(root, named) : null;
  const info = file ? await stat(file).catch(() => null) : null;
  if (url.pathname === '/favicon.ico' && !info?.isFile()) {
    res.writeHead(204, SECURITY_HEADERS); // browsers ask for it unprompted; no icon beats a console error
    return void res.end();
  }
  if (!file || !info?.isFile()) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(named && url.pathname === '/' ? 'The app is not built yet: run `npm run build`.' : 'Not found');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
