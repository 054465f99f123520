/**
 * pydantic v1's HttpUrl, which the vendor uses for product.images (commerce_api/product_entity.py
 * line 136). Follows pydantic/v1/networks.py: AnyUrl.validate (lines 267-286), validate_parts
 * (320-339), validate_host (342-381), the regexes (98-158) and HttpUrl's settings (405-413):
 * whitespace is stripped, 2083 characters at most, http or https, a port up to 65535, nothing
 * after the URL, and a host that is an IP address or a domain with a top-level domain of two
 * letters or more ("https://cdn.example.c/a.jpg" is refused: "top level domain required").
 */
import { pythonStrip } from './python-text.js';

const MAX_LENGTH = 2083;

// networks.py url_regex(): scheme, user info, host (ipv4 | ipv6 | domain), port, path, query, fragment.
const URL_RE = new RegExp(
  '^(?:([a-z][a-z0-9+\\-.]+)://)?'
  + '(?:[^\\s:/]*(?::[^\\s/]*)?@)?'
  + '(?:((?:\\d{1,3}\\.){3}\\d{1,3})(?=$|[/:#?])|(\\[[A-F0-9]*:[A-F0-9:]+\\])(?=$|[/:#?])|([^\\s/:?#]+))?'
  + '(?::(\\d+))?'
  + '(?:/[^\\s?#]*)?'
  + '(?:\\?[^\\s#]*)?'
  + '(?:#[^\\s#]*)?',
  'i',
);

// networks.py ascii_domain_regex() and int_domain_regex(); `u` so that case folding matches
// Python's Unicode IGNORECASE, and Python's [^\W\d_] (letters) is \p{L}, \p{Nl}, \p{No}.
const ASCII_CHUNK = '[_0-9a-z](?:[-_0-9a-z]{0,61}[_0-9a-z])?';
const ASCII_DOMAIN = new RegExp(`^(?:${ASCII_CHUNK}\\.)*?${ASCII_CHUNK}(\\.[a-z]{2,63})?\\.?$`, 'iu');
const INT_CHUNK = '[_0-9a-\\u{40000}](?:[-_0-9a-\\u{40000}]{0,61}[_0-9a-\\u{40000}])?';
const INT_DOMAIN = new RegExp(`^(?:${INT_CHUNK}\\.)*?${INT_CHUNK}(\\.[\\p{L}\\p{Nl}\\p{No}]{2,63}|\\.xn--[_0-9a-z-]{2,63})?\\.?$`, 'iu');

/** Why pydantic's HttpUrl refuses `value` (its own words), or null when it accepts it. */
export function httpUrlProblem(value: string): string | null {
  const url = pythonStrip(value);
  if (url.length === 0) return 'ensure this value has at least 1 characters';
  if (url.length > MAX_LENGTH && [...url].length > MAX_LENGTH) return `ensure this value has at most ${MAX_LENGTH} characters`;
  const m = URL_RE.exec(url) as RegExpExecArray;
  const [matched, scheme, ipv4, ipv6, domain, port] = m;
  if (scheme === undefined) return 'invalid or missing URL scheme';
  if (!['http', 'https'].includes(scheme.toLowerCase())) return 'URL scheme not permitted';
  if (port !== undefined && Number(port) > 65_535) return 'URL port invalid, port cannot exceed 65535';
  if (matched.length !== url.length) return `URL invalid, extra characters found after valid URL: ${JSON.stringify(url.slice(matched.length))}`;
  if (domain === undefined) return ipv4 === undefined && ipv6 === undefined ? 'URL host invalid' : null;
  const ascii = ASCII_DOMAIN.exec(domain);
  if (ascii?.[1] !== undefined) return null;
  const international = INT_DOMAIN.exec(domain);
  if (ascii === null && international === null) return 'URL host invalid';
  return international?.[1] !== undefined ? null : 'URL host invalid, top level domain required';
}
