// The safeStorage vault with a fake safeStorage: ciphertext only, a private file, and a plain
// warning when Linux has no keyring ('basic_text').
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeStorageVault, TOKEN_CIPHER_FILE, type SafeStorageLike } from '../../main/desktop/safe-storage-vault.js';

const TOKEN = 'lexer-token-abcdef123456';

function fakeSafeStorage(backend: 'gnome_libsecret' | 'basic_text'): SafeStorageLike {
  const key = 0x5a;
  return {
    isEncryptionAvailable: () => true,
    encryptString: (t) => Buffer.from([...Buffer.from(`v10${t}`)].map((b) => b ^ key)),
    decryptString: (b) => Buffer.from([...b].map((x) => x ^ key)).toString().slice(3),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorage vault', () => {
  test('keeps only ciphertext, in a file only the user can read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-vault-'));
    try {
      const vault = createSafeStorageVault(fakeSafeStorage('gnome_libsecret'), dir, 'linux');
      await vault.set(` ${TOKEN} `);
      const file = join(dir, TOKEN_CIPHER_FILE);
      assert.ok(!(await readFile(file)).toString('latin1').includes(TOKEN));
      if (process.platform !== 'win32') assert.equal((await stat(file)).mode & 0o777, 0o600);
      assert.equal(await vault.get(), TOKEN);
      const s = await vault.status();
      assert.deepEqual({ stored: s.stored, encrypted: s.encrypted, warning: s.warning, last4: s.last4 }, { stored: true, encrypted: true, warning: null, last4: '3456' });
      await vault.clear();
      assert.equal(await vault.get(), null);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('says plainly that basic_text is not real encryption', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-vault-'));
    try {
      const s = await createSafeStorageVault(fakeSafeStorage('basic_text'), dir, 'linux').status();
      assert.equal(s.encrypted, false);
      assert.match(s.warning ?? '', /basic_text/);
      assert.match(s.warning ?? '', /This session only/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
