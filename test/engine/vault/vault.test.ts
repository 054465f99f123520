import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileVault } from '../../../main/engine/vault/file-vault.js';
import { createSessionVault } from '../../../main/engine/vault/session-vault.js';
import { createDefaultVault } from '../../../main/engine/vault/default-vault.js';

const TOKEN = 'lexer-secret-token-ABCD1234';
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-vault-'));
  dirs.push(dir);
  return join(dir, 'config');
};
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('file vault', () => {
  test('stores the token in a 0600 file inside a 0700 folder', async () => {
    const dir = await tempDir();
    const vault = createFileVault(dir);
    await vault.set(`  ${TOKEN}\n`);
    assert.equal(await vault.get(), TOKEN);
    const file = join(dir, 'token');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    assert.equal((await readFile(file, 'utf8')).trim(), TOKEN);
  });

  test('status says where and that it is not encrypted, and shows only the last 4 characters', async () => {
    const dir = await tempDir();
    const vault = createFileVault(dir);
    assert.deepEqual({ ...(await vault.status()), warning: null }, {
      stored: false, backend: 'file', location: join(dir, 'token'), encrypted: false, warning: null, last4: null,
    });
    await vault.set(TOKEN);
    const status = await vault.status();
    assert.equal(status.last4, '1234');
    assert.match(status.warning ?? '', /plain file .* not encrypted/);
    assert.ok(!JSON.stringify(status).includes(TOKEN.slice(0, -4)), 'the token itself never appears');
  });

  test('refuses an empty token or one with spaces inside', async () => {
    const vault = createFileVault(await tempDir());
    await assert.rejects(vault.set('   \n'), /empty/);
    await assert.rejects(vault.set('abc def'), /spaces or line breaks/);
    assert.equal(await vault.get(), null);
  });

  test('clear removes it, twice is fine', async () => {
    const vault = createFileVault(await tempDir());
    await vault.set(TOKEN);
    await vault.clear();
    await vault.clear();
    assert.equal(await vault.get(), null);
    assert.equal((await vault.status()).stored, false);
  });
});

describe('session and default vaults', () => {
  test('the session vault forgets nothing within the process and stores nothing on disk', async () => {
    const vault = createSessionVault();
    await vault.set(TOKEN);
    assert.equal(await vault.get(), TOKEN);
    assert.equal((await vault.status()).last4, '1234');
    await vault.clear();
    assert.equal(await vault.get(), null);
  });

  test('short tokens do not show their last 4 characters', async () => {
    const vault = createSessionVault();
    await vault.set('abc12');
    assert.equal((await vault.status()).last4, null);
  });

  test('LEXER_UPLOAD_VAULT=file gives the file vault; otherwise the keychain or, where it fails, the file', async () => {
    const dir = await tempDir();
    assert.equal((await createDefaultVault(dir, { LEXER_UPLOAD_VAULT: 'file' })).backend, 'file');
    const auto = await createDefaultVault(dir, {});
    assert.ok(auto.backend === 'keychain' || auto.backend === 'file');
  });
});
