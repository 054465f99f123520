import got from 'got';
import type { OptionsOfTextResponseBody, RetryOptions } from 'got';
import { LexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { apiError, redirectError, serviceMessage } from './api-errors.js';
import { proxyAgents } from './proxy-agents.js';
import type { RateLimiter } from './rate-limiter.js';
import { rateLimiterForToken } from './rate-limiter.js';
import { apiRetryOptions } from './retry-policy.js';
import { parseSecureUrl, repairUploadUrl } from './upload-url.js';

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

/** Shared got options: token header, rate limit on every attempt (retries included), retries, proxy. */
function apiOptions(
  o: { token: string; signal?: AbortSignal; proxyUrl?: string | null; limiter?: RateLimiter },
  attempts: { count: number },
  retry: Partial<RetryOptions>,
): OptionsOfTextResponseBody {
  const limiter = o.limiter ?? rateLimiterForToken(o.token);
  return {
    headers: { 'auth-api-token': o.token, accept: 'application/json' },
    responseType: 'text',
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
  const endpoint = `${base}/v1/uploads`;
  let response;
  try {
    response = await got.post(endpoint, {
      ...apiOptions(o, attempts, apiRetryOptions({ maxAttempts: o.maxAttempts ?? 5, baseMs: o.retryBaseMs ?? 1000, onRetry: o.onRetry })),
      json: body,
    });
  } catch (error) {
    throw apiError(error, { where: base, attempts: attempts.count, signal: o.signal, token: o.token });
  }
  refuseRedirect(response, endpoint, o.token);
  if (response.statusCode !== 200 && response.statusCode !== 201) {
    throw new LexerError('invalid-response', `The Lexer API answered HTTP ${response.statusCode} instead of an upload URL.`, {
      hint: 'Check the API URL and try again.',
    });
  }
  return parseUploadReply(response.body);
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
  return { id: String(id), url };
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
  const endpoint = `${base}/v1/users`;
  try {
    refuseRedirect(await got.get(endpoint, apiOptions(o, attempts, { limit: 0 })), endpoint, o.token);
    return { valid: true, message: 'Lexer accepted the API token.' };
  } catch (error) {
    const e = apiError(error, { where: base, attempts: attempts.count, signal: o.signal, token: o.token });
    if (e.code === 'cancelled') throw e;
    return { valid: false, message: e.describe() };
  }
}

export { serviceMessage };
