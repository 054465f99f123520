/**
 * Who may talk to the browser host. It listens on 127.0.0.1 only, but any local web page could
 * still send it requests (and DNS rebinding can make a remote page look local), so:
 * - the Host header must be 127.0.0.1:<port> or localhost:<port> (defeats DNS rebinding);
 * - an Origin header, when present, must be this host's own origin (defeats cross-site pages);
 * - every API request carries the per-run key (header, or `?key=` for EventSource, which
 *   cannot set headers);
 * - the page and its files need the key too (`?key=` on the printed URL); that answer sets a
 *   cookie holding a second, page-only secret, so the page's own files and a reload load
 *   without the key in the address. Cookies are shared by every port on 127.0.0.1, so the
 *   cookie never carries the API key itself: leaked to another local server it opens only
 *   the static files.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const KEY_HEADER = 'x-lexer-key';

/** A fresh per-run secret: 32 random bytes, URL-safe. */
export function newHostKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two secrets in constant time. */
export function sameKey(given: string | null | undefined, key: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether Host and Origin are this host's own (`port` is the listening port). */
export function isLocalRequest(req: Pick<IncomingMessage, 'headers'>, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowedHosts.includes(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  return allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`);
}

/** The key a request carries: the header, or (for `/events` only) the `key` query parameter. */
export function requestKey(req: Pick<IncomingMessage, 'headers'>, url: URL): string | null {
  const header = req.headers[KEY_HEADER];
  if (typeof header === 'string') return header;
  return url.pathname === '/events' ? url.searchParams.get('key') : null;
}

/** The cookie that lets the page's own files load once the keyed address was opened. */
export function pageCookieName(port: number): string {
  return `lexer-page-${port}`;
}

/** The `Set-Cookie` value for the page secret: script-proof, same-site only, this session only. */
export function pageCookie(port: number, pageKey: string): string {
  return `${pageCookieName(port)}=${pageKey}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Whether a static-file request may load: the API key in `?key=`, or the page cookie. */
export function mayLoadPage(req: Pick<IncomingMessage, 'headers'>, url: URL, port: number, keys: { key: string; pageKey: string }): boolean {
  if (sameKey(url.searchParams.get('key'), keys.key)) return true;
  const prefix = `${pageCookieName(port)}=`;
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(prefix));
  return sameKey(cookie?.slice(prefix.length), keys.pageKey);
}
