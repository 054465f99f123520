import { HTTPError, RequestError } from 'got';
import { LexerError } from '../errors.js';
import { serverText } from '../text/shown-text.js';
import { maskToken } from './mask-token.js';
import { stripQuery } from './redact-url.js';

/**
 * Pulls the service's own words out of an error body ({"error": ...}, {"message": ...},
 * {"errors": [...]}), as one plain line: a server's escape codes and bidirectional controls never
 * reach a terminal or a window.
 */
export function serviceMessage(body: string): string | null {
  const said = saidIn(body);
  if (said === null) return null;
  const plain = serverText(said);
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain;
}

function saidIn(body: string): string | null {
  const text = body.trim();
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      const o = parsed as Record<string, unknown>;
      for (const key of ['error', 'message', 'errors', 'detail']) {
        const v = o[key];
        if (typeof v === 'string') return v;
        if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ');
        if (v && typeof v === 'object') return JSON.stringify(v);
      }
    }
  } catch {
    // Not JSON: the plain text.
  }
  return text;
}

function isAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'AbortError' || (error instanceof RequestError && error.code === 'ERR_ABORTED');
}

function maskOrNull(text: string | null, token: string | null | undefined): string | null {
  return text === null ? null : maskToken(text, token);
}

/** What an API error message is built from: where, how many tries, and the token to mask. */
export interface ApiErrorContext {
  /** The API base URL (never holds the token, which travels in a header). */
  where: string;
  attempts: number;
  signal?: AbortSignal | undefined;
  /** The token sent: any copy of it in the service's words is masked. */
  token?: string | null | undefined;
}

/**
 * Turns what got threw for an API call into a plain LexerError, with the token masked in the
 * service's words. got's own error is not kept as the cause: its options hold the token header,
 * and a cause is what a crash report or a debugging `console.error` would print.
 */
export function apiError(error: unknown, o: ApiErrorContext): LexerError {
  if (error instanceof LexerError) return error;
  if (o.signal?.aborted || isAbort(error)) return new LexerError('cancelled', 'The request was cancelled.');
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    // Masked before serviceMessage cuts a long text, which could otherwise keep half a token.
    const said = maskOrNull(serviceMessage(maskToken(String(error.response.body ?? ''), o.token)), o.token);
    const tries = o.attempts > 1 ? ` after ${o.attempts} tries` : '';
    if (status === 401 || status === 403) {
      return new LexerError('token-rejected', `Lexer rejected the API token (HTTP ${status}).`, {
        hint: 'Create an Activity API token in the Hub (Manage > Integrations > API Tokens) and save it again.',
      });
    }
    if (status === 400 || status === 422) {
      return new LexerError('request-refused', `Lexer refused the request (HTTP ${status}): ${said ?? 'no reason given'}.`, {
        hint: 'Check the file name, dataset ID and record type, then try again.',
      });
    }
    if (status === 404) {
      return new LexerError('wrong-api-url', `There is no File Upload API at ${o.where} (HTTP 404).`, {
        hint: 'Check the API URL; the default is https://api.lexer.io.',
      });
    }
    if (status === 429) {
      // A Retry-After longer than we wait (retry-policy.ts) ends the retries: say what it asked for.
      const header = error.response.headers['retry-after'];
      const retryAfter = header ? serverText(header).slice(0, 40) : undefined;
      const asked = retryAfter ? ` and asked to wait (Retry-After: ${retryAfter})` : '';
      return new LexerError('rate-limited', `Lexer kept answering "too many requests" (HTTP 429)${tries}${asked}.`, {
        hint: retryAfter ? 'Try again after that wait; each token allows 10 requests per second.' : 'Wait a minute and try again; each token allows 10 requests per second.',
      });
    }
    if (status >= 500) {
      return new LexerError('server-error', `The Lexer API at ${o.where} failed with HTTP ${status}${tries}.`, {
        hint: 'Lexer may be having trouble; try again in a few minutes.',
      });
    }
    return new LexerError('invalid-response', `The Lexer API at ${o.where} answered HTTP ${status}${said ? `: ${said}` : ''}.`, {
      hint: 'Check the API URL and try again.',
    });
  }
  const code = error instanceof RequestError ? error.code : undefined;
  return new LexerError('network-error', `Could not reach the Lexer API at ${o.where}${code ? ` (${code})` : ''}${o.attempts > 1 ? ` after ${o.attempts} tries` : ''}.`, {
    hint: 'Check your internet connection, proxy settings and the API URL, then try again.',
  });
}

/**
 * The error for a redirect from the API, which is never followed: got would carry the
 * `Auth-Api-Token` header to the new address (it drops only `authorization` and `cookie` on a
 * change of host), to another host or from https to plain http. `location` is the Location
 * header, `from` the URL that was asked.
 */
export function redirectError(status: number, location: string | undefined, from: string, token?: string | null): LexerError {
  let target = 'another address';
  if (location) {
    try {
      target = maskToken(stripQuery(new URL(location, from).href), token);
    } catch {
      target = 'an address that is not a valid URL';
    }
  }
  return new LexerError('wrong-api-url', `The Lexer API at ${stripQuery(from)} answered with a redirect (HTTP ${status}) to ${target}. It was not followed, so your API token was not sent there.`, {
    hint: 'Check the API URL (the default is https://api.lexer.io); if the new address is really Lexer\'s, save it as the API URL.',
  });
}
