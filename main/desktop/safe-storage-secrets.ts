/**
 * The desktop app's other secrets (a watched folder's mail password) kept as its token is:
 * encrypted by the OS through Electron's safeStorage, in `<userData>/secrets/<name>.enc` (mode
 * 0600). Where safeStorage cannot encrypt this launch, the plain 0600 file store is used, as the
 * token's vault does (main/desktop/app-token-vault.ts).
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { createFileSecrets, type SecretStore } from '../engine/vault/secret-store.js';
import { checkSecret, secretName } from '../engine/vault/secret-types.js';
import type { SafeStorageLike } from './safe-storage-vault.js';

/** Secrets under `dir` (the userData folder), encrypted where safeStorage works. */
export function createSafeStorageSecrets(s: SafeStorageLike, dir: string): SecretStore {
  const plain = createFileSecrets(dir);
  if (!s.isEncryptionAvailable()) return plain;
  const folder = join(dir, 'secrets');
  const path = (name: string): string => join(folder, `${secretName(name)}.enc`);
  return {
    backend: 'safe-storage',
    async get(name) {
      const cipher = await readFile(path(name)).catch(() => null);
      if (cipher === null) return plain.get(name);
      try {
        return s.decryptString(cipher);
      } catch {
        return null; // encrypted under another OS account or a reset keyring
      }
    },
    async set(name, value) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path(name), s.encryptString(checkSecret(value)), { mode: 0o600 });
      await chmod(path(name), 0o600);
      await plain.clear(name);
    },
    async clear(name) {
      await rm(path(name), { force: true });
      await plain.clear(name);
    },
  };
}
