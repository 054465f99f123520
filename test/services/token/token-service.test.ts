import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTokenService, describeStorage } from '../../../main/services/token/token-service.js';
import { createSessionVault } from '../../../main/engine/vault/session-vault.js';

const TOKEN = 'abcdefghijklmnop1234';

test('“this session only” keeps the token out of the persistent vault, and one action removes it', async () => {
  const persistent = createSessionVault();
  const session = createSessionVault();
  const tokens = createTokenService(persistent, session);
  await tokens.save(TOKEN, 'persistent');
  const s = await tokens.save(`${TOKEN}X`, 'session');
  assert.equal(s.backend, 'session');
  assert.equal(await persistent.get(), null, 'choosing session clears the stored one');
  assert.equal(await tokens.current(), `${TOKEN}X`);
  const cleared = await tokens.clear();
  assert.equal(cleared.stored, false);
  assert.equal(await tokens.current(), null);
});

test('before any token is saved the storage sentence says where one would go, not that one is kept', () => {
  const base = { backend: 'file', location: '/home/a/.config/lexer-upload/token', encrypted: false, warning: null, last4: null } as const;
  assert.match(describeStorage({ ...base, stored: false }), /^A token you save is kept unencrypted in \/home\/a/);
  assert.match(describeStorage({ ...base, stored: true }), /^Kept unencrypted in \/home\/a/);
});
