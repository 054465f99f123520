/** Where a token is kept: Electron safeStorage (the app), the OS keychain, a plain file, or memory. */
export type VaultBackend = 'safe-storage' | 'keychain' | 'file' | 'session';

/** What the user may know about the stored token: never the token, at most its last 4 characters. */
export interface VaultStatus {
  stored: boolean; backend: VaultBackend; location: string; encrypted: boolean; warning: string | null; last4: string | null;
}

/** One place to keep the API token, whatever the backend. */
export interface TokenVault {
  readonly backend: VaultBackend;
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
  clear(): Promise<void>;
  status(): Promise<VaultStatus>;
}

/**
 * The last 4 characters of a token, for recognizing which one is stored.
 *
 * Null for tokens shorter than 12 characters, where 4 characters would give away too much.
 */
export function tokenLast4(token: string | null): string | null {
  return token !== null && token.length >= 12 ? token.slice(-4) : null;
}

/** Trims a pasted token and refuses an empty one or one with spaces or line breaks inside. */
export function normalizeToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed === '') throw new RangeError('The token is empty.');
  if (/\s/.test(trimmed)) throw new RangeError('The token has spaces or line breaks inside; paste only the token.');
  return trimmed;
}
