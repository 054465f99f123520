import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { requestUploadUrl } from '../../../main/engine/api/api-client.js';
import { rateLimiterForToken } from '../../../main/engine/api/rate-limiter.js';
import type { TestSandbox } from '../../helpers/sandbox.js';
import { startTestSandbox } from '../../helpers/sandbox.js';

describe('rate limit per token', () => {
  let t: TestSandbox;
  before(async () => (t = await startTestSandbox()));
  after(async () => t.stop());

  test('one limiter is shared by everything using the same token', () => {
    assert.equal(rateLimiterForToken('token-a'), rateLimiterForToken('token-a'));
    assert.notEqual(rateLimiterForToken('token-a'), rateLimiterForToken('token-b'));
  });

  test('25 queued requests never put 10 or more into any one-second window at the server', async () => {
    const { apiUrl, token } = t.sandbox;
    await Promise.all(Array.from({ length: 25 }, (_, i) => requestUploadUrl({ apiUrl, token, filename: `f${i}.csv` })));
    const times = t.sandbox.requestLog.filter((r) => r.method === 'POST').map((r) => r.at ?? 0).sort((a, b) => a - b);
    assert.equal(times.length, 25);
    // Sliding window: for each request, count those arriving within the next 1000 ms.
    const busiest = Math.max(...times.map((start) => times.filter((x) => x >= start && x < start + 1000).length));
    assert.ok(busiest < 10, `${busiest} requests arrived within one second`);
  });
});
