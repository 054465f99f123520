/**
 * The desktop app's persistent token vault, the same whatever this launch's safeStorage says.
 *
 * Whether safeStorage can encrypt is decided afresh at every launch (a keyring that was locked,
 * a desktop session without one). Choosing one vault per launch made a saved token seem to
 * vanish when that changed, and left a plain `token` file on disk for ever, since Remove only
 * cleared the vault of the day. So both places are always looked at:
 * - encryption available: a plain token left by an earlier launch is moved into the encrypted
 *   file and the plain file deleted (the plain one wins over an older encrypted one: it can only
 *   have been saved by a later launch, when encryption was missing); the caller tells the person;
 * - encryption missing: the plain file is used, and the status says when an encrypted token
 *   from an earlier launch exists but cannot be read now;
 * - Remove clears both files, and saving into one deletes the other.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileVault } from '../engine/vault/file-vault.js';
import type { TokenVault } from '../engine/vault/token-vault.js';
import { TOKEN_CIPHER_FILE, createSafeStorageVault, isStrongEncryption, type SafeStorageLike } from './safe-storage-vault.js';

/** A plain token moved into the encrypted store at this launch, in words for the person. */
export interface TokenMigration {
  readonly from: string;
  readonly to: string;
  readonly message: string;
}

export interface AppVault {
  readonly vault: TokenVault;
  /** Set when this launch moved a plain-text token into encrypted storage. */
  readonly migration: TokenMigration | null;
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Opens the vault over `<dir>/token.enc` (safeStorage) and `<dir>/token` (plain), migrating as needed. */
export async function openAppVault(s: SafeStorageLike, dir: string, platform: NodeJS.Platform = process.platform): Promise<AppVault> {
  const encrypted = createSafeStorageVault(s, dir, platform);
  const plain = createFileVault(dir);
  const cipherPath = join(dir, TOKEN_CIPHER_FILE);
  const clearBoth = async (): Promise<void> => {
    await encrypted.clear();
    await plain.clear();
  };

  if (!s.isEncryptionAvailable()) {
    const vault: TokenVault = {
      ...plain,
      async set(token) {
        await plain.set(token);
        await encrypted.clear(); // one token only: an older encrypted one must not come back later
      },
      clear: clearBoth,
      async status() {
        const st = await plain.status();
        if (st.stored || !(await exists(cipherPath))) return st;
        const note = `A token saved earlier is encrypted with your system's secure storage (${cipherPath}), which is not available now, so it cannot be read; it is used again once that storage works. Save it again to use it now.`;
        return { ...st, warning: `${note} ${st.warning ?? ''}`.trim() };
      },
    };
    return { vault, migration: null };
  }

  let migration: TokenMigration | null = null;
  const plainToken = await plain.get();
  if (plainToken !== null) {
    try {
      await encrypted.set(plainToken);
      await plain.clear();
      const strong = isStrongEncryption(s, platform);
      const plainPath = (await plain.status()).location;
      migration = {
        from: plainPath,
        to: cipherPath,
        message: strong
          ? `Your saved API token was moved from the unencrypted file ${plainPath} into your system's secure storage (${cipherPath}), and the unencrypted file was deleted.`
          : `Your saved API token was moved from the file ${plainPath} into ${cipherPath}, and the old file was deleted. This system has no keyring, so it is still only weakly protected.`,
      };
    } catch {
      // Could not encrypt or write: leave the plain file where it is; `get` still finds it.
    }
  }
  const vault: TokenVault = {
    backend: encrypted.backend,
    get: async () => (await encrypted.get()) ?? (await plain.get()),
    async set(token) {
      await encrypted.set(token);
      await plain.clear();
    },
    clear: clearBoth,
    async status() {
      const st = await encrypted.status();
      return st.stored || (await plain.get()) === null ? st : plain.status();
    },
  };
  return { vault, migration };
}
