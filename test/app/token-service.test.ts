import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTokenService } from '../../main/app/token-service.js';
import { createSessionVault } from '../../main/vault/session-vault.js';

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
