/**
 * Checks shared by the two servers this project runs on 127.0.0.1 (the browser host and the
 * sandbox). Listening on loopback keeps other machines out, not other users of this machine nor
 * web pages open in the user's browser: those can still send requests, and DNS rebinding can make
 * a remote page's name resolve to 127.0.0.1. So every request must name this server in its Host
 * header, and a browser request must come from this server's own origin.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Compares a secret a request carries with the real one in constant time (no early exit on the first wrong byte). */
export function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The `host:port` names a loopback server on `port` answers to. */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Whether the Host header is one of `allowed` (`host:port`, compared case-insensitively). */
export function hasAllowedHost(req: Pick<IncomingMessage, 'headers'>, allowed: readonly string[]): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && allowed.some((h) => h.toLowerCase() === host);
}

/**
 * Whether the Origin header is absent (non-browser clients, same-origin GETs) or one of the
 * allowed hosts over http. Browsers send it on every cross-origin request, form posts included.
 */
export function hasAllowedOrigin(req: Pick<IncomingMessage, 'headers'>, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowed.some((h) => origin.toLowerCase() === `http://${h.toLowerCase()}`);
}
