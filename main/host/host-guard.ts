/**
 * Who may talk to the browser host. It listens on 127.0.0.1 only, but any local web page could
 * still send it requests (and DNS rebinding can make a remote page look local), so:
 * - the Host header must be 127.0.0.1:<port> or localhost:<port> (defeats DNS rebinding);
 * - an Origin header, when present, must be this host's own origin (defeats cross-site pages);
 * - every API request carries the per-run key (header, or `?key=` for EventSource, which
 *   cannot set headers). The static renderer files hold no data and load without the key.
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
