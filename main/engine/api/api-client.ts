import type { OptionsOfTextResponseBody, RetryOptions } from 'got';
import { LexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { serverText } from '../text/shown-text.js';
import { apiError, redirectError, serviceMessage } from './api-errors.js';
import { cappedGot, replyLimit, replyTooLarge, type ReplyLimit } from './capped-got.js';
import { proxyAgents } from './proxy-agents.js';
import type { RateLimiter } from './rate-limiter.js';
import { rateLimiterForToken } from './rate-limiter.js';
import { apiRetryOptions } from './retry-policy.js';
import { isThisComputer, parseSecureUrl, repairUploadUrl } from './upload-url.js';

export interface RequestUploadUrlOptions {
  apiUrl: string;
  token: string;
  filename: string;
  destination?: { datasetId: string; recordType: RecordTypeName };
  signal?: AbortSignal;
  limiter?: RateLimiter;
  proxyUrl?: string | null;
  retryBaseMs?: number;
  maxAttempts?: number;
  onRetry?: (attempt: number, reason: string, delayMs: number) => void;
}

/** The API base without a trailing slash, checked to be https (or http on loopback). */
function apiBase(apiUrl: string): string {
  return parseSecureUrl(apiUrl, 'API URL').href.replace(/\/+$/, '');
}

/** Shared got options: token header, rate limit on every attempt (retries included), retries, proxy, the reply's cap. */
function apiOptions(
  o: { token: string; signal?: AbortSignal; proxyUrl?: string | null; limiter?: RateLimiter },
  attempts: { count: number },
  retry: Partial<RetryOptions>,
  limit: ReplyLimit,
): OptionsOfTextResponseBody {
  const limiter = o.limiter ?? rateLimiterForToken(o.token);
  return {
    headers: { 'auth-api-token': o.token, accept: 'application/json' },
    responseType: 'text',
    context: { replyLimit: limit },
    signal: o.signal,
    agent: proxyAgents(o.proxyUrl),
    timeout: { request: 30_000 },
    // Never follow a redirect: got would send Auth-Api-Token on to the new address, whatever its
    // host or scheme. A 3xx comes back as a response; see refuseRedirect().
    followRedirect: false,
    retry,
    hooks: {
      // Each attempt, retries included, waits for a slot: Lexer counts requests, not calls.
      beforeRequest: [
        async () => {
          attempts.count += 1;
          await limiter.schedule(async () => undefined, o.signal);
        },
      ],
    },
  };
}

/** Throws when the API answered with a redirect (3xx), which is never followed. */
function refuseRedirect(response: { statusCode: number; headers: Record<string, string | string[] | undefined> }, from: string, token: string): void {
  if (response.statusCode < 300 || response.statusCode > 399) return;
  const location = response.headers.location;
  throw redirectError(response.statusCode, typeof location === 'string' ? location : undefined, from, token);
}

/** Asks Lexer for a presigned S3 PUT URL for one file (POST /v1/uploads). */
export async function requestUploadUrl(o: RequestUploadUrlOptions): Promise<{ id: string; url: string }> {
  const base = apiBase(o.apiUrl);
  const body: Record<string, unknown> = { filename: o.filename };
  if (o.destination) {
    body.destination = { destination_type: 'dataset_load', dataset_id: o.destination.datasetId, record_type: o.destination.recordType };
  }
  const attempts = { count: 0 };
  const limit = replyLimit();
  const endpoint = `${base}/v1/uploads`;
  let response;
  try {
    response = await cappedGot.post(endpoint, {
      ...apiOptions(o, attempts, apiRetryOptions({ maxAttempts: o.maxAttempts ?? 5, baseMs: o.retryBaseMs ?? 1000, onRetry: o.onRetry }), limit),
      json: body,
    });
  } catch (error) {
    throw callError(error, { base, limit, attempts, signal: o.signal, token: o.token });
  }
  refuseRedirect(response, endpoint, o.token);
  if (response.statusCode !== 200 && response.statusCode !== 201) {
    throw new LexerError('invalid-response', `The Lexer API answered HTTP ${response.statusCode} instead of an upload URL.`, {
      hint: 'Check the API URL and try again.',
    });
  }
  const reply = parseUploadReply(response.body);
  refuseLinkToThisComputer(reply.url, base);
  return reply;
}

/**
 * Refuses an upload link to this computer from an API that is not on it: Lexer's links go to S3,
 * and a link to loopback would have the file sent to whatever listens on that port here.
 */
function refuseLinkToThisComputer(url: string, base: string): void {
  const link = new URL(url);
  if (!isThisComputer(link.hostname) || isThisComputer(new URL(base).hostname)) return;
  throw new LexerError('wrong-api-url', `The Lexer API at ${base} answered with an upload link to this computer (${link.host}); nothing was sent there.`, {
    hint: 'Check the API URL (the default is https://api.lexer.io): Lexer\'s upload links go to Amazon S3.',
  });
}

/** Why a call failed: a reply cut at its limit (said as such, not as the cancel that cut it), or what got reported. */
function callError(error: unknown, c: { base: string; limit: ReplyLimit; attempts: { count: number }; signal: AbortSignal | undefined; token: string }): LexerError {
  if (c.limit.exceeded && !c.signal?.aborted) return replyTooLarge(c.base, c.limit);
  return apiError(error, { where: c.base, attempts: c.attempts.count, signal: c.signal, token: c.token });
}

/** Reads {"id", "url"} from the reply; JSON.parse decodes the service's `\u0026` escapes. */
export function parseUploadReply(text: string): { id: string; url: string } {
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch (cause) {
    throw new LexerError('invalid-response', 'The Lexer API sent a reply that is not JSON.', { hint: 'Check the API URL.', cause });
  }
  const r = (reply ?? {}) as Record<string, unknown>;
  const id = r.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof r.url !== 'string') {
    throw new LexerError('invalid-response', 'The Lexer API reply has no upload id and URL.', { hint: 'Check the API URL.' });
  }
  // A URL that is still escaped (a proxy or gateway that double-encoded it) is repaired too.
  const url = repairUploadUrl(r.url);
  parseSecureUrl(url, 'upload URL');
  // The id is shown and kept in History: a server's text, made plain and short.
  return { id: serverText(String(id)).slice(0, 100), url };
}

export interface CheckTokenOptions {
  apiUrl: string;
  token: string;
  signal?: AbortSignal;
  proxyUrl?: string | null;
}

/** Checks a token with GET /v1/users: valid on 200, not on 401/403, else says what happened. */
export async function checkToken(o: CheckTokenOptions): Promise<{ valid: boolean; message: string }> {
  const base = apiBase(o.apiUrl);
  const attempts = { count: 0 };
  const limit = replyLimit();
  const endpoint = `${base}/v1/users`;
  try {
    refuseRedirect(await cappedGot.get(endpoint, apiOptions(o, attempts, { limit: 0 }, limit)), endpoint, o.token);
    return { valid: true, message: 'Lexer accepted the API token.' };
  } catch (error) {
    const e = callError(error, { base, limit, attempts, signal: o.signal, token: o.token });
    if (e.code === 'cancelled') throw e;
    return { valid: false, message: e.describe() };
  }
}

export { serviceMessage };
