// A watched folder's mail password in the desktop app, kept with safeStorage as the token is:
// ciphertext only in a file only the user can read, a password kept before encryption worked still
// read (and gone once saved again), and the plain 0600 store where safeStorage cannot encrypt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeStorageSecrets } from '../../main/desktop/safe-storage-secrets.js';
import type { SafeStorageLike } from '../../main/desktop/safe-storage-vault.js';
import { createFileSecrets } from '../../main/engine/vault/secret-store.js';

const PASSWORD = 'smtp-Pa55+/word="x"';
const NAME = 'feed-smtp-1b2c';

function fakeSafeStorage(available: boolean, key = 0x5a): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (t) => Buffer.from([...Buffer.from(`v10${t}`)].map((b) => b ^ key)),
    decryptString: (b) => {
      const text = Buffer.from([...b].map((x) => x ^ key)).toString();
      if (!text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(3);
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
}

const inTemp = async (fn: (dir: string) => Promise<void>): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-secrets-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

test('a mail password is kept as ciphertext in a 0600 file, read back, and cleared', () => inTemp(async (dir) => {
  const secrets = createSafeStorageSecrets(fakeSafeStorage(true), dir);
  assert.equal(secrets.backend, 'safe-storage');
  await secrets.set(NAME, PASSWORD);
  const files = await readdir(join(dir, 'secrets'));
  assert.equal(files.length, 1);
  const file = join(dir, 'secrets', files[0] ?? '');
  assert.match(files[0] ?? '', /\.enc$/);
  assert.ok(!(await readFile(file)).toString('latin1').includes(PASSWORD), 'no clear password on disk');
  if (process.platform !== 'win32') {
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal((await stat(join(dir, 'secrets'))).mode & 0o077, 0, 'the folder is the user\'s only');
  }
  assert.equal(await secrets.get(NAME), PASSWORD);
  await secrets.clear(NAME);
  assert.equal(await secrets.get(NAME), null);
  assert.deepEqual(await readdir(join(dir, 'secrets')), []);
}));

test('a password kept before encryption worked is still read, and saving it again leaves no clear copy', () => inTemp(async (dir) => {
  await createFileSecrets(dir).set(NAME, PASSWORD);
  const secrets = createSafeStorageSecrets(fakeSafeStorage(true), dir);
  assert.equal(await secrets.get(NAME), PASSWORD);
  await secrets.set(NAME, `${PASSWORD}-2`);
  assert.equal(await createFileSecrets(dir).get(NAME), null, 'the plain file is gone');
  assert.equal(await secrets.get(NAME), `${PASSWORD}-2`);
}));

test('a password encrypted under another account or keyring reads as none (asked again), never as garbage', () => inTemp(async (dir) => {
  await createSafeStorageSecrets(fakeSafeStorage(true, 0x5a), dir).set(NAME, PASSWORD);
  assert.equal(await createSafeStorageSecrets(fakeSafeStorage(true, 0x33), dir).get(NAME), null);
}));

test('where safeStorage cannot encrypt, the plain 0600 store is used', () => inTemp(async (dir) => {
  const secrets = createSafeStorageSecrets(fakeSafeStorage(false), dir);
  assert.equal(secrets.backend, 'file');
  await secrets.set(NAME, PASSWORD);
  assert.equal(await createFileSecrets(dir).get(NAME), PASSWORD);
}));
