/**
 * Small helpers for the host's replies: JSON results, the 403s, reading a bounded JSON body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../contract/result.js';
import { SECURITY_HEADERS } from '../services/page/content-security-policy.js';

/** Sends a JSON body with no caching (replies can carry file paths). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Refuses a request that lacks the key or comes from elsewhere. */
export function sendForbidden(res: ServerResponse): void {
  const body: Result<never> = { ok: false, error: { code: 'forbidden', message: 'This request did not come from the Lexer Uploader page, so it was refused.' } };
  sendJson(res, 403, body);
}

/** What the page's address says when the one-time code was used already. */
export const ADDRESS_USED = 'This Lexer Uploader address was already used: each address printed by `lexer-upload ui` opens the app once, '
  + 'so that a copy left in the browser\'s history opens nothing. Go back to the tab where the app is open, or stop `lexer-upload ui` and start it again for a new address.';

/** Refuses the page itself, in words a person reads in the browser window. */
export function sendPageRefused(res: ServerResponse, reason: 'used' | 'refused'): void {
  const text = reason === 'used'
    ? ADDRESS_USED
    : 'This address does not open Lexer Uploader. Open the exact address `lexer-upload ui` printed (it works once), or start it again for a new one.';
  res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a request body of at most `limit` bytes as text; null when it is larger. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
