/**
 * Secrets other than the API token (a mail server's password for alerts), kept the way the token
 * is: in the system keychain where one works, else each in a file only this user can read
 * (`secrets/<name>`, mode 0600, not encrypted). The desktop app keeps them with safeStorage
 * instead (main/desktop/safe-storage-secrets.ts). Never in feeds.json, a log or a message.
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { checkSecret, secretName, type SecretStore } from './secret-types.js';

export type { SecretStore } from './secret-types.js';

/** Secrets in files under `<dir>/secrets/`. */
export function createFileSecrets(dir: string): SecretStore {
  const folder = join(dir, 'secrets');
  return {
    backend: 'file',
    async get(name) {
      try {
        const text = await readFile(join(folder, secretName(name)), 'utf8');
        return text === '' ? null : text;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async set(name, value) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const path = join(folder, secretName(name));
      await writeFileAtomic(path, checkSecret(value), { mode: 0o600 });
      await chmod(path, 0o600);
    },
    async clear(name) {
      await rm(join(folder, secretName(name)), { force: true });
    },
  };
}

/** The keychain where it works (as the token's vault decides, LEXER_UPLOAD_VAULT included), else files in `dir`. */
export async function createDefaultSecrets(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<SecretStore> {
  if (env.LEXER_UPLOAD_VAULT !== 'file') {
    const keyring = await import('./keyring-vault.js').then((m) => m.createKeyringSecrets(), () => null);
    if (keyring) return keyring;
  }
  return createFileSecrets(dir);
}
