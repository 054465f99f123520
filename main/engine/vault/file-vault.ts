import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { normalizeToken, tokenLast4, type TokenVault } from './token-vault.js';

/** The token file's name inside the config folder. */
export const TOKEN_FILE_NAME = 'token';

/**
 * A vault that keeps the token in a plain file `token` in `configDir` (file 0600, folder 0700).
 *
 * The fallback where no OS keychain works (e.g. Linux without a Secret Service). It is not
 * encrypted, and its status says so plainly (never pretend it is safe).
 */
export function createFileVault(configDir: string): TokenVault {
  const path = join(configDir, TOKEN_FILE_NAME);
  const warning = `Stored in a plain file (${path}), readable by anyone with access to your user account; it is not encrypted.`;
  const get = async (): Promise<string | null> => {
    try {
      const text = (await readFile(path, 'utf8')).trim();
      return text === '' ? null : text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    backend: 'file',
    get,
    async set(token) {
      const value = normalizeToken(token);
      await mkdir(configDir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, `${value}\n`, { mode: 0o600 });
      // write-file-atomic keeps an existing file's mode; force 0600 in case someone widened it.
      await chmod(path, 0o600);
    },
    async clear() {
      await rm(path, { force: true });
    },
    async status() {
      const token = await get();
      return { stored: token !== null, backend: 'file', location: path, encrypted: false, warning, last4: tokenLast4(token) };
    },
  };
}
