import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkToken, requestUploadUrl } from '../../../main/engine/api/api-client.js';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import { LexerError } from '../../../main/engine/errors.js';
import type { TestSandbox } from '../../helpers/sandbox.js';
import { startTestSandbox } from '../../helpers/sandbox.js';

const failsWith = (code: string, words: RegExp) => (e: unknown) => e instanceof LexerError && e.code === code && words.test(e.message);

describe('requestUploadUrl against the sandbox', () => {
  let t: TestSandbox;
  before(async () => (t = await startTestSandbox()));
  after(async () => t.stop());
  const base = () => ({ apiUrl: t.sandbox.apiUrl, token: t.sandbox.token, retryBaseMs: 5, limiter: createRateLimiter({ intervalCap: 100 }) });
  const posts = () => t.sandbox.requestLog.filter((r) => r.method === 'POST');

  test('returns the id as a string and a decoded URL (no \\u0026 left)', async () => {
    const r = await requestUploadUrl({ ...base(), filename: 'customers-20250101-v1.csv' });
    assert.match(r.id, /^\d+$/);
    assert.ok(!r.url.includes('\\u0026'));
    assert.equal(new URL(r.url).searchParams.get('X-Amz-Algorithm'), 'AWS4-HMAC-SHA256');
  });

  test('a rejected token fails at once with one request and never shows the token', async () => {
    const before = posts().length;
    const token = 'not-the-token-123456';
    await assert.rejects(requestUploadUrl({ ...base(), token, filename: 'a.csv' }), (e: unknown) => {
      assert.ok(e instanceof LexerError && e.code === 'token-rejected');
      assert.ok(!e.describe().includes(token));
      return true;
    });
    assert.equal(posts().length - before, 1);
  });

  test('429 with Retry-After waits the time the service asked for, then succeeds', async () => {
    t.sandbox.faults.apiResponses.push({ status: 429, retryAfter: 1 });
    const retries: Array<[number, string, number]> = [];
    const r = await requestUploadUrl({ ...base(), filename: 'a.csv', onRetry: (...a) => retries.push(a) });
    assert.ok(r.url);
    assert.equal(retries.length, 1);
    assert.equal(retries[0]?.[2], 1000);
    assert.match(retries[0]?.[1] ?? '', /429/);
  });

  test('429 with Retry-After as an HTTP date waits until that date, not the short backoff', async () => {
    // HTTP dates have whole seconds: 3 s ahead is at least ~2 s away when the reply is read.
    t.sandbox.faults.apiResponses.push({ status: 429, retryAfter: new Date(Date.now() + 3000).toUTCString() });
    const retries: Array<[number, string, number]> = [];
    const r = await requestUploadUrl({ ...base(), filename: 'a.csv', onRetry: (...a) => retries.push(a) });
    assert.ok(r.url);
    assert.equal(retries.length, 1);
    const delay = retries[0]?.[2] ?? 0;
    // The backoff with retryBaseMs 5 would be 5-10 ms; the date asks for seconds.
    assert.ok(delay > 500 && delay <= 3000, `waited ${delay} ms`);
  });

  test('429 with a Retry-After that is neither seconds nor a date falls back to the backoff', async () => {
    t.sandbox.faults.apiResponses.push({ status: 429, retryAfter: 'soon' });
    const retries: Array<[number, string, number]> = [];
    const r = await requestUploadUrl({ ...base(), filename: 'a.csv', onRetry: (...a) => retries.push(a) });
    assert.ok(r.url);
    assert.equal(retries.length, 1);
    const delay = retries[0]?.[2] ?? Number.NaN;
    assert.ok(Number.isFinite(delay) && delay >= 5 && delay <= 20, `waited ${delay} ms`);
  });

  test('a Retry-After longer than we wait ends at once with a message that says what it asked for', async () => {
    const before = posts().length;
    t.sandbox.faults.apiResponses.push({ status: 429, retryAfter: 3600 });
    await assert.rejects(requestUploadUrl({ ...base(), filename: 'a.csv' }), failsWith('rate-limited', /429.*Retry-After: 3600/));
    assert.equal(posts().length - before, 1);
  });

  test('two 503s then success', async () => {
    const before = posts().length;
    t.sandbox.faults.apiResponses.push({ status: 503 }, { status: 503 });
    const r = await requestUploadUrl({ ...base(), filename: 'a.csv' });
    assert.ok(r.url);
    assert.equal(posts().length - before, 3);
  });

  test('5xx every time gives up after maxAttempts with a clear message', async () => {
    const before = posts().length;
    t.sandbox.faults.apiResponses.push({ status: 502 }, { status: 502 }, { status: 502 }, { status: 502 });
    await assert.rejects(requestUploadUrl({ ...base(), filename: 'a.csv', maxAttempts: 3 }), failsWith('server-error', /HTTP 502 after 3 tries/));
    assert.equal(posts().length - before, 3);
    t.sandbox.faults.apiResponses.length = 0;
  });

  test('422 shows the service message naming the file', async () => {
    await assert.rejects(requestUploadUrl({ ...base(), filename: 'bad name!.csv' }), failsWith('request-refused', /bad name!\.csv/));
  });

  test('a record type outside the 12 is refused by the service', async () => {
    const destination = { datasetId: 'ds1', recordType: 'shoe' as 'product' };
    await assert.rejects(requestUploadUrl({ ...base(), filename: 'a.ndjson', destination }), failsWith('request-refused', /record_type/));
  });

  test('a wrong API path is reported as a wrong API URL', async () => {
    await assert.rejects(requestUploadUrl({ ...base(), apiUrl: `${t.sandbox.apiUrl}/nope`, filename: 'a.csv' }), failsWith('wrong-api-url', /nope/));
  });

  test('plain http to a host that is not this machine is refused before any request', async () => {
    const before = t.sandbox.requestLog.length;
    await assert.rejects(requestUploadUrl({ ...base(), apiUrl: 'http://api.example.com', filename: 'a.csv' }), failsWith('insecure-url', /https/));
    assert.equal(t.sandbox.requestLog.length, before);
  });

  test('an unreachable API is a network error after bounded tries', async () => {
    await assert.rejects(requestUploadUrl({ ...base(), apiUrl: 'http://127.0.0.1:1', filename: 'a.csv', maxAttempts: 2 }), failsWith('network-error', /after 2 tries/));
  });

  test('checkToken says valid for the sandbox token and not for another', async () => {
    assert.equal((await checkToken({ apiUrl: t.sandbox.apiUrl, token: t.sandbox.token })).valid, true);
    const bad = await checkToken({ apiUrl: t.sandbox.apiUrl, token: 'nope-nope' });
    assert.equal(bad.valid, false);
    assert.match(bad.message, /rejected/);
    assert.ok(!bad.message.includes('nope-nope'));
  });
});
