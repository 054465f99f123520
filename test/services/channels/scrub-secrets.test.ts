import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrubSecrets } from '../../../main/services/channels/scrub-secrets.js';

test('a token quoted anywhere in a reply is masked', () => {
  const token = 'tok_0123456789abcdef';
  const reply = { ok: false, error: { code: 'internal', message: `header Auth-Api-Token: ${token} refused`, list: [token] } };
  const out = scrubSecrets(reply, [token, null]);
  assert.ok(!JSON.stringify(out).includes(token));
  assert.match(out.error.message, /\[token hidden\]/);
  assert.equal(out.error.code, 'internal');
});
