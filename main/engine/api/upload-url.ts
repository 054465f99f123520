import { LexerError } from '../errors.js';
import { stripQuery } from './redact-url.js';

/**
 * Repairs a presigned URL that still holds the service's JSON escaping: the File Upload API
 * writes `&` as `\u0026` (FILE_UPLOAD_API.md, "Known pitfalls"), and a URL copied from a web
 * page may hold `&amp;`. Sending either makes S3 answer AuthorizationQueryParametersError.
 */
export function repairUploadUrl(raw: string): string {
  return raw
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .replace(/\\u0026/gi, '&')
    .replace(/&amp;/gi, '&');
}

/** Whether a URL host name is this machine (127.0.0.0/8, ::1 or localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Whether a URL host name reaches this computer: loopback, `*.localhost`, or the unspecified
 * address (0.0.0.0, ::), which connects here too. The URL parser has already turned other
 * spellings (127.1, 0x7f.1, [::ffff:127.0.0.1]) into these.
 */
export function isThisComputer(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase().replace(/\.$/, '');
  return isLoopbackHost(host) || host.endsWith('.localhost') || host === '0.0.0.0' || host === '::'
    || /^::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|0:0)$/.test(host);
}

/**
 * Parses a URL we are about to send data to and refuses plain http except to loopback: the
 * token and the file would otherwise cross the network in clear text. `what` names it in messages.
 */
export function parseSecureUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new LexerError('invalid-response', `The ${what} "${stripQuery(raw)}" is not a valid URL.`, {
      hint: 'Check the address; it should start with https://.',
      cause,
    });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new LexerError('insecure-url', `The ${what} ${stripQuery(url.href)} does not use https, so the data would travel unencrypted.`, {
    hint: 'Use an https:// address (plain http is only allowed for this machine, e.g. the local sandbox).',
  });
}
