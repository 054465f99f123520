import type { RequestError, RetryOptions } from 'got';

/** Exponential backoff with jitter: base·2^(n-1) plus up to one base of noise, capped at 30 s. */
export function backoffDelay(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), 30_000) + Math.random() * baseMs;
}

/** A plain sentence saying why a request is tried again. */
export function retryReason(error: RequestError): string {
  const status = error.response?.statusCode;
  if (status === 429) return 'Lexer asked us to slow down (HTTP 429).';
  if (status !== undefined) return `The Lexer API answered HTTP ${status}.`;
  return `Could not reach the Lexer API (${error.code}).`;
}

/**
 * got retry options for the API call: 429 (honouring Retry-After, which got parses as seconds or
 * an HTTP date), 408, 5xx and network errors, up to `maxAttempts` tries in all. POST is included:
 * asking for an upload URL twice only leaves an unused URL behind, which expires on its own.
 */
export function apiRetryOptions(o: {
  maxAttempts: number;
  baseMs: number;
  onRetry?: (attempt: number, reason: string, delayMs: number) => void;
}): Partial<RetryOptions> {
  return {
    limit: Math.max(0, o.maxAttempts - 1),
    methods: ['GET', 'POST'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    errorCodes: ['ETIMEDOUT', 'ECONNRESET', 'EADDRINUSE', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'ENETUNREACH', 'EAI_AGAIN'],
    // Honour a Retry-After of up to 2 minutes; a longer one ends the retries with a clear error.
    maxRetryAfter: 120_000,
    // Let got decide *whether* to retry (limit, methods, codes); we only decide *how long* to wait.
    enforceRetryRules: true,
    calculateDelay: ({ attemptCount, retryAfter, error }) => {
      // got turns Retry-After into ms (seconds or an HTTP date); a header it cannot parse gives
      // NaN, which must not become an immediate retry: back off as if there were none.
      const delayMs = retryAfter !== undefined && Number.isFinite(retryAfter) ? Math.max(1, retryAfter) : backoffDelay(attemptCount, o.baseMs);
      o.onRetry?.(attemptCount + 1, retryReason(error), Math.round(delayMs));
      return delayMs;
    },
  };
}
