/**
 * A TokenVault on Electron's safeStorage: the token encrypted by the OS (Keychain, DPAPI,
 * libsecret/kwallet) and the ciphertext kept in `<userData>/token.enc`, mode 0600 (Electron
 * Fiddle does the same). On Linux without a keyring safeStorage falls back to `basic_text`,
 * a hard-coded key: the status says so plainly so the user can choose "this session only".
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import writeFileAtomic from 'write-file-atomic';
import { normalizeToken, tokenLast4, type TokenVault } from '../engine/vault/token-vault.js';

export const TOKEN_CIPHER_FILE = 'token.enc';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/** Whether safeStorage truly encrypts here (false for Linux's `basic_text` fallback). */
export function isStrongEncryption(s: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!s.isEncryptionAvailable()) return false;
  return platform !== 'linux' || s.getSelectedStorageBackend?.() !== 'basic_text';
}

/** Creates the vault; `dir` is the app's userData folder. */
export function createSafeStorageVault(s: SafeStorageLike, dir: string, platform: NodeJS.Platform = process.platform): TokenVault {
  const path = join(dir, TOKEN_CIPHER_FILE);
  const weakWarning =
    "This system has no keyring, so Electron's safeStorage uses its 'basic_text' fallback: the token would be " +
    'stored with a fixed, publicly known key, which is as good as plain text. Choose "This session only", ' +
    'or keep it stored knowing anyone with access to your account can read it.';
  const get = async (): Promise<string | null> => {
    let cipher: Buffer;
    try {
      cipher = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return s.decryptString(cipher);
    } catch {
      return null; // encrypted under another OS account or a reset keyring: treat as not set
    }
  };
  return {
    backend: 'safe-storage',
    get,
    async set(token) {
      const cipher = s.encryptString(normalizeToken(token));
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(path, cipher, { mode: 0o600 });
      await chmod(path, 0o600); // write-file-atomic keeps an existing file's wider mode
    },
    async clear() {
      await rm(path, { force: true });
    },
    async status() {
      const token = await get();
      const strong = isStrongEncryption(s, platform);
      return { stored: token !== null, backend: 'safe-storage', location: path, encrypted: strong, warning: strong ? null : weakWarning, last4: tokenLast4(token) };
    },
  };
}
