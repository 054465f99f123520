/**
 * Small helpers for the host's replies: JSON results, the 403, reading a bounded JSON body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../preload/contract.js';

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
