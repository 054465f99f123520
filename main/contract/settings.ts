/** Settings, the embedded sandbox and the API token, as the window sees them (never the token itself). */

export interface AppSettings {
  /** The Lexer API base URL; `https://api.lexer.io` by default. */
  readonly apiUrl: string;
  readonly defaultDatasetId: string;
  /** Files uploaded at once (1 to 4). */
  readonly concurrency: number;
  /**
   * Send uploads to the local sandbox embedded in the app instead of Lexer: for trying the app
   * without a Lexer account. The sandbox has its own token; files stay on this computer.
   */
  readonly useSandbox: boolean;
  /**
   * Compress NDJSON on the way (gzip: Lexer's preferred bulk format, about 8-10x smaller). Each
   * card's "Compress (gzip)" box starts from this and, when changed, changes it.
   */
  readonly gzip: boolean;
  /** 1 (fastest) to 9 (smallest); 6 by default. */
  readonly gzipLevel: number;
  /** The largest part sent, as typed (`1GB`, `500MiB`); empty for 5 GiB, the most one upload takes. */
  readonly partSize: string;
  /**
   * "Send e-mail addresses only hashed": conversions (the app's and the watched folders') write
   * each address as its SHA-256; a file that would be sent as it is is refused.
   */
  readonly hashEmails: boolean;
}

/** The embedded sandbox, when the settings ask for it. */
export interface SandboxStatus {
  readonly enabled: boolean;
  /** The sandbox's API URL once it runs (it starts on first use). */
  readonly apiUrl: string | null;
  /** The folder where the sandbox keeps the files it received. */
  readonly storageDir: string | null;
}

/** How the token is kept, in words a person understands. */
export type TokenBackend = 'safe-storage' | 'keychain' | 'file' | 'session';

export interface TokenStatus {
  readonly stored: boolean;
  /** The last 4 characters, so a person can tell tokens apart; never more. */
  readonly last4: string | null;
  readonly backend: TokenBackend;
  /** Whether the stored token is encrypted at rest. */
  readonly encrypted: boolean;
  /** A plain sentence on where and how it is kept. */
  readonly description: string;
  /** Set when the storage is weak (e.g. safeStorage's `basic_text` backend, or a plain file). */
  readonly warning: string | null;
  /** Whether encrypted storage is available at all; when not, the user picks session or weak. */
  readonly encryptionAvailable: boolean;
}

export type TokenStorageChoice = 'persistent' | 'session';

/**
 * Where "Check token" asks: the API URL and sandbox choice on screen, which may not be saved yet
 * (a person checks before saving). Null checks the saved settings. The saved token is sent only
 * to the saved API URL: to check another, or a token not saved yet, the token typed goes along.
 */
export interface TokenCheckTarget {
  readonly apiUrl: string;
  readonly useSandbox: boolean;
  /** The token typed in the box, checked as it is and not saved; null or absent: the saved one. */
  readonly token?: string | null;
}

export interface TokenCheck {
  readonly valid: boolean;
  /** Plain words: "The token works." or why not. */
  readonly message: string;
}
