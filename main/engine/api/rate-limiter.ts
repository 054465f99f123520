import { createHash } from 'node:crypto';
import PQueue from 'p-queue';

/** Something that starts work no faster than the API allows. */
export interface RateLimiter {
  schedule<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * Lexer allows 10 requests per second per token (FILE_UPLOAD_API.md, "Tokens and limits").
 * We start one request per 125 ms (8 per second), spaced evenly rather than in bursts of 8:
 * requests reach the server a little later than they start, by varying amounts (connection
 * set-up, a busy event loop), and a burst of 8 at the end of one second plus one at the start of
 * the next was seen arriving as 12 within one second. With even spacing, 10 arrivals within one
 * second would need ~125 ms of jitter. `strict` makes p-queue use a sliding window.
 */
const STARTS_PER_WINDOW = 1;
const WINDOW_MS = 125;

const limiters = new Map<string, RateLimiter>();

/** Creates a limiter that starts at most `intervalCap` tasks per `interval` ms (sliding window). */
export function createRateLimiter(o: { intervalCap?: number; interval?: number } = {}): RateLimiter {
  const queue = new PQueue({ intervalCap: o.intervalCap ?? STARTS_PER_WINDOW, interval: o.interval ?? WINDOW_MS, strict: true });
  return {
    schedule: <T>(fn: () => Promise<T>, signal?: AbortSignal) => queue.add(() => fn(), { signal }),
  };
}

/** The limiter shared by every request made with this token (one per token, process-wide). */
export function rateLimiterForToken(token: string): RateLimiter {
  // Keyed by a hash so the map never holds the token itself.
  const key = createHash('sha256').update(token).digest('hex');
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createRateLimiter();
    limiters.set(key, limiter);
  }
  return limiter;
}
