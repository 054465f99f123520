/**
 * The token as the renderer sees it: whether one is set, its last 4 characters and how it is
 * kept. Two vaults: the persistent one (safeStorage in the app, keychain or a 0600 file in the
 * browser host) and a memory-only session vault for people who will not keep a token on a
 * machine without encrypted storage. Saving into one clears the other, so "change" and
 * "remove" are each one action and there is only ever one token in use.
 */
import type { TokenStatus, TokenStorageChoice } from '../../contract/settings.js';
import type { TokenVault, VaultStatus } from '../../engine/vault/token-vault.js';
import { usageError } from '../channels/result.js';

export interface TokenService {
  status(): Promise<TokenStatus>;
  save(token: unknown, storage: unknown): Promise<TokenStatus>;
  clear(): Promise<TokenStatus>;
  /** The token in use (session first), for main-side calls only; never sent to the renderer. */
  current(): Promise<string | null>;
}

/** One plain sentence on where and how the token is kept (or would be, before one is saved). */
export function describeStorage(s: VaultStatus): string {
  // Before a token is saved, "Kept in ..." read as if one were; say where a saved one goes.
  const kept = s.stored ? 'Kept' : 'A token you save is kept';
  switch (s.backend) {
    case 'safe-storage':
      return s.encrypted
        ? `${s.stored ? 'Encrypted' : 'A token you save is encrypted'} with your system's secure storage and kept in ${s.location}.`
        : `${kept} in ${s.location} with weak protection: this system has no keyring to encrypt it.`;
    case 'keychain':
      return `${kept} in your system keychain (${s.location}).`;
    case 'file':
      return `${kept} unencrypted in ${s.location}, readable only by your user account.`;
    case 'session':
      return 'Kept in memory for this session only; you will paste it again next time.';
    default: {
      const _exhaustive: never = s.backend;
      return String(_exhaustive);
    }
  }
}

function toStatus(s: VaultStatus, encryptionAvailable: boolean): TokenStatus {
  return {
    stored: s.stored,
    last4: s.stored ? s.last4 : null,
    backend: s.backend,
    encrypted: s.encrypted,
    description: describeStorage(s),
    // Memory-only is a choice, not weak storage: its description already says it is forgotten.
    warning: s.backend === 'session' ? null : s.warning,
    encryptionAvailable,
  };
}

/** Checks the pasted token's shape: no whitespace inside, printable, a sane length. */
export function parseToken(token: unknown): string {
  if (typeof token !== 'string') throw usageError('The token must be text.');
  const t = token.trim();
  if (!/^[\x21-\x7e]{8,512}$/.test(t)) {
    throw usageError('That does not look like an API token.', 'Copy the whole token from the Hub (Manage > Integrations > API Tokens) and paste it again.');
  }
  return t;
}

/** Creates the token service over the persistent and session vaults. */
export function createTokenService(vault: TokenVault, sessionVault: TokenVault): TokenService {
  const status = async (): Promise<TokenStatus> => {
    const persistent = await vault.status();
    const session = await sessionVault.status();
    return toStatus(session.stored ? session : persistent, persistent.encrypted);
  };
  return {
    status,
    async save(token, storage) {
      const t = parseToken(token);
      if (storage !== 'persistent' && storage !== 'session') throw usageError("storage must be 'persistent' or 'session'.");
      const choice: TokenStorageChoice = storage;
      if (choice === 'session') {
        await sessionVault.set(t);
        await vault.clear();
      } else {
        await vault.set(t);
        await sessionVault.clear();
      }
      return status();
    },
    async clear() {
      await sessionVault.clear();
      await vault.clear();
      return status();
    },
    async current() {
      return (await sessionVault.get()) ?? (await vault.get());
    },
  };
}
