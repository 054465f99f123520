// Which API URLs are this computer (a sandbox): History and the result say "sandbox" for those
// instead of telling the person Lexer now has their file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLocalApiUrl } from '../../../main/engine/api/local-api-url.js';

test('loopback names and addresses are local; Lexer and look-alikes are not', () => {
  for (const url of ['http://localhost:4000', 'http://LOCALHOST:4000/v1', 'http://sandbox.localhost:1', 'http://[::1]:80', 'http://127.0.0.1:9', 'http://127.10.20.30']) {
    assert.equal(isLocalApiUrl(url), true, url);
  }
  for (const url of ['https://api.lexer.io', 'http://localhost.evil.com', 'http://127.0.0.1.evil.com', 'http://x127.0.0.1.nip.io', 'http://10.0.0.1', 'not a url', '']) {
    assert.equal(isLocalApiUrl(url), false, url);
  }
});
