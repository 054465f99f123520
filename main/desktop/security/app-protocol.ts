/**
 * The `app://renderer/` scheme: serves the built renderer from the app's own files with the
 * strict CSP header (a header, unlike a meta tag, also covers `frame-ancestors`). A standard,
 * secure scheme gives the page a real origin for the sender check, and unlike `file://` it
 * cannot read arbitrary files from disk.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { SECURITY_HEADERS, contentTypeFor } from '../../services/page/content-security-policy.js';
import { resolveRendererFile } from '../../services/page/renderer-files.js';

export const APP_SCHEME = 'app';

/** Registers the scheme as privileged; must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/** Answers one `app://` request from `root` (404 outside it or for other hosts). */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const file = url.host === 'renderer' && request.method === 'GET' ? resolveRendererFile(root, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
  } catch {
    return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  }
}

/** Serves the renderer folder on `app://renderer/`; call once the app is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}
