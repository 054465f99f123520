// The app's token vault when safeStorage's availability changes between launches:
// a plain token is moved into encrypted storage and its file deleted, Remove clears
// both places, and a token that cannot be decrypted now is explained rather than lost silently.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppVault } from '../../main/desktop/app-token-vault.js';
import type { SafeStorageLike } from '../../main/desktop/safe-storage-vault.js';

const OLD = 'lexer-token-plain-0000aaaa';
const NEW = 'lexer-token-fresh-1111bbbb';

/** A safeStorage whose availability each launch chooses (XOR "encryption", enough to tell ciphertext from text). */
function safeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
  const xor = (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (t) => {
      if (!available) throw new Error('Encryption is not available.');
      return xor(Buffer.from(`v11${t}`));
    },
    decryptString: (b) => {
      if (!available) throw new Error('Decryption is not available.');
      return xor(b).toString().slice(3);
    },
    getSelectedStorageBackend: () => backend as never,
  };
}

async function profile(): Promise<{ dir: string; plain: string; cipher: string; done(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-app-vault-'));
  return { dir, plain: join(dir, 'token'), cipher: join(dir, 'token.enc'), done: () => rm(dir, { recursive: true, force: true }) };
}

describe('app token vault across launches', () => {
  test('a token kept in plain text while encryption was missing is encrypted at the next launch, and the plain file deleted', async () => {
    const p = await profile();
    try {
      const first = await openAppVault(safeStorage(false), p.dir, 'linux');
      assert.equal(first.migration, null);
      await first.vault.set(OLD);
      assert.equal((await readFile(p.plain, 'utf8')).trim(), OLD, 'launch 1 kept it in the plain file');

      const second = await openAppVault(safeStorage(true), p.dir, 'linux');
      assert.equal(await second.vault.get(), OLD, 'the token did not vanish');
      assert.equal(existsSync(p.plain), false, 'the plain file is gone');
      assert.ok(!(await readFile(p.cipher)).toString('latin1').includes(OLD), 'only ciphertext on disk');
      assert.ok(second.migration, 'the app is told, to tell the person');
      assert.match(second.migration.message, /moved from the unencrypted file .*token into your system's secure storage/);
      assert.match(second.migration.message, /deleted/);
      const st = await second.vault.status();
      assert.deepEqual({ stored: st.stored, encrypted: st.encrypted, last4: st.last4 }, { stored: true, encrypted: true, last4: 'aaaa' });

      const third = await openAppVault(safeStorage(true), p.dir, 'linux');
      assert.equal(third.migration, null, 'told once only');
    } finally {
      await p.done();
    }
  });

  test('the plain token wins over an older encrypted one (it was saved later)', async () => {
    const p = await profile();
    try {
      await (await openAppVault(safeStorage(true), p.dir, 'linux')).vault.set(OLD);
      await (await openAppVault(safeStorage(false), p.dir, 'linux')).vault.set(NEW);
      const back = await openAppVault(safeStorage(true), p.dir, 'linux');
      assert.equal(await back.vault.get(), NEW);
      assert.equal(existsSync(p.plain), false);
    } finally {
      await p.done();
    }
  });

  test('Remove clears both places, whichever launch does it', async () => {
    const p = await profile();
    try {
      await (await openAppVault(safeStorage(true), p.dir, 'linux')).vault.set(OLD);
      const noCrypto = await openAppVault(safeStorage(false), p.dir, 'linux');
      const st = await noCrypto.vault.status();
      assert.equal(st.stored, false);
      assert.match(st.warning ?? '', /encrypted with your system's secure storage .* not available now/, 'the encrypted token is explained, not silently gone');
      await noCrypto.vault.clear();
      assert.equal(existsSync(p.cipher), false, 'Remove also deleted the encrypted file');

      const again = await openAppVault(safeStorage(false), p.dir, 'linux');
      await again.vault.set(NEW);
      const withCrypto = await openAppVault(safeStorage(true), p.dir, 'linux');
      await withCrypto.vault.clear();
      assert.equal(existsSync(p.plain), false);
      assert.equal(existsSync(p.cipher), false);
      assert.equal(await withCrypto.vault.get(), null);
    } finally {
      await p.done();
    }
  });

  test('Linux without a keyring (basic_text) still moves the token, and does not call that secure', async () => {
    const p = await profile();
    try {
      await (await openAppVault(safeStorage(false), p.dir, 'linux')).vault.set(OLD);
      const weak = await openAppVault(safeStorage(true, 'basic_text'), p.dir, 'linux');
      assert.equal(await weak.vault.get(), OLD);
      assert.match(weak.migration?.message ?? '', /weakly protected/);
      assert.doesNotMatch(weak.migration?.message ?? '', /secure storage/);
      assert.equal((await weak.vault.status()).encrypted, false);
    } finally {
      await p.done();
    }
  });
});
