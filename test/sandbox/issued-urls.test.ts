import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIssuedUrls } from '../../main/sandbox/issued-urls.js';

test('the issued-URL map forgets links an hour after they expired, oldest first', () => {
  let now = 0;
  const urls = createIssuedUrls({ max: 100, now: () => now });
  const signed = { host: 'h', query: [] };
  urls.add('/a', signed, 1000);
  urls.add('/b', signed, 5000_000);
  now = 1000 + 3600_000 - 1;
  urls.add('/c', signed, 5000_000);
  assert.ok(urls.get('/a'), 'kept for an hour after expiry, for the "expired" answer');
  now = 1000 + 3600_000;
  urls.add('/d', signed, 5000_000);
  assert.equal(urls.get('/a'), undefined);
  assert.equal(urls.size, 3);
});
