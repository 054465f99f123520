/**
 * Which links may leave the app for the system browser: https only, and only Lexer's own
 * sites (the Hub, where tokens and upload logs live, and the help and docs pages). Anything
 * else a compromised page asks to open is refused, because `shell.openExternal` hands the URL
 * to the OS, which can launch arbitrary protocol handlers.
 */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [
  'hub.lexer.io',
  'learn.lexer.io',
  'docs.lexer.io',
  'lexer.io',
  'www.lexer.io',
  'github.com',
];

/** Extra paths allowed on shared hosts: only the project's schema repository on GitHub. */
const ALLOWED_PATH_PREFIXES: Readonly<Record<string, string>> = { 'github.com': '/lexerdev/' };

/** Whether `url` may be opened in the system browser. */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  if (!ALLOWED_EXTERNAL_HOSTS.includes(host)) return false;
  const prefix = ALLOWED_PATH_PREFIXES[host];
  return prefix === undefined || parsed.pathname.startsWith(prefix);
}
