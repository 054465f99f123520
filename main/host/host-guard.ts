/**
 * Who may talk to the browser host. It listens on 127.0.0.1 only, but any local web page could
 * still send it requests (and DNS rebinding can make a remote page look local), so:
 * - the Host header must be 127.0.0.1:<port> or localhost:<port> (defeats DNS rebinding);
 * - an Origin header, when present, must be this host's own origin (defeats cross-site pages);
 * - every API request carries the per-run session key (header, or `?key=` for EventSource,
 *   which cannot set headers);
 * - the printed address carries a one-time code, not the key: browsers keep every address they
 *   opened in their history, so the page exchanges the code once (`POST /session`) for the key
 *   and keeps the key in the tab's memory. A second use of the address is refused;
 * - the page and its files need the code or the page cookie, set when the code's address was
 *   opened. Cookies are shared by every port on 127.0.0.1, so the cookie never carries the key
 *   itself, only a second, page-only secret: leaked to another local server it opens only the
 *   static files, never an API call.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hasAllowedHost, hasAllowedOrigin, loopbackHosts, sameSecret } from '../engine/net/local-request.js';

export const KEY_HEADER = 'x-lexer-key';
/** The header `POST /session` carries the one-time code in (never the address: it would go to history again). */
export const CODE_HEADER = 'x-lexer-code';

/** A fresh per-run secret: 32 random bytes, URL-safe. */
export function newHostKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two secrets in constant time. */
export function sameKey(given: string | null | undefined, key: string): boolean {
  return sameSecret(given, key);
}

/** Whether Host and Origin are this host's own (`port` is the listening port). */
export function isLocalRequest(req: Pick<IncomingMessage, 'headers'>, port: number): boolean {
  const allowed = loopbackHosts(port);
  return hasAllowedHost(req, allowed) && hasAllowedOrigin(req, allowed);
}

/** The key a request carries: the header, or (for `/events` only) the `key` query parameter. */
export function requestKey(req: Pick<IncomingMessage, 'headers'>, url: URL): string | null {
  const header = req.headers[KEY_HEADER];
  if (typeof header === 'string') return header;
  return url.pathname === '/events' ? url.searchParams.get('key') : null;
}

/** The cookie that lets the page's own files load once the one-time address was opened. */
export function pageCookieName(port: number): string {
  return `lexer-page-${port}`;
}

/** The `Set-Cookie` value for the page secret: script-proof, same-site only, this session only. */
export function pageCookie(port: number, pageKey: string): string {
  return `${pageCookieName(port)}=${pageKey}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The printed address's code: opens the page until it is exchanged for the key, once. */
export interface OneTimeCode {
  readonly value: string;
  used: boolean;
}

/**
 * Whether a static-file request may load: `open` with the unused code in `?code=` or with the
 * page cookie; `used` when it names the code that was already exchanged (whatever the cookie:
 * a second use of the address is refused); `refused` otherwise.
 */
export function pageAccess(
  req: Pick<IncomingMessage, 'headers'>, url: URL, port: number, o: { code: OneTimeCode; pageKey: string },
): 'open' | 'used' | 'refused' {
  const given = url.searchParams.get('code');
  if (given !== null) {
    if (!sameSecret(given, o.code.value)) return 'refused';
    return o.code.used ? 'used' : 'open';
  }
  const prefix = `${pageCookieName(port)}=`;
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(prefix));
  return sameSecret(cookie?.slice(prefix.length), o.pageKey) ? 'open' : 'refused';
}

/** Exchanges the code a `POST /session` carries for the key: once; `used` or `refused` after that. */
export function exchangeCode(req: Pick<IncomingMessage, 'headers'>, code: OneTimeCode): 'granted' | 'used' | 'refused' {
  if (!sameSecret(req.headers[CODE_HEADER], code.value)) return 'refused';
  if (code.used) return 'used';
  code.used = true;
  return 'granted';
}
