/**
 * Whether an API URL points at this computer. Lexer's API is never on loopback, so an upload
 * there went to a sandbox (`lexer-upload sandbox`, or the app's embedded one): History tags it
 * and the result says so, instead of telling the person Lexer is now processing their file.
 */
export function isLocalApiUrl(apiUrl: string): boolean {
  let host: string;
  try {
    host = new URL(apiUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
