// What a person reads when the Lexer API says no: each answer becomes its own plain message, hint
// and retry decision, with the service's own words where it gave some. Real servers on loopback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkToken, requestUploadUrl } from '../../../main/engine/api/api-client.js';
import { serviceMessage } from '../../../main/engine/api/api-errors.js';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import { backoffDelay } from '../../../main/engine/api/retry-policy.js';
import { LexerError } from '../../../main/engine/errors.js';
import { startStandIn, type StandIn } from '../../helpers/api-stand-in.js';

interface Canned { status: number; body?: string; headers?: Record<string, string> }

describe('API answers as messages', () => {
  let api: StandIn;
  const queue: Canned[] = [];
  before(async () => {
    api = await startStandIn((_req, res) => {
      const next = queue.shift() ?? { status: 500 };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers }).end(next.body ?? '');
    });
  });
  after(async () => api.close());

  const ask = async (answers: Canned[], maxAttempts = 1) => {
    queue.length = 0;
    queue.push(...answers);
    const retries: Array<[number, string, number]> = [];
    try {
      await requestUploadUrl({ apiUrl: api.url, token: 'token-0123456789', filename: 'a.csv', maxAttempts, retryBaseMs: 1, limiter: createRateLimiter({ intervalCap: 100 }), onRetry: (...r) => retries.push(r) });
    } catch (e) {
      assert.ok(e instanceof LexerError, String(e));
      return { error: e, retries };
    }
    assert.fail('the request succeeded');
  };

  // An answer that makes no sense is worth another try later (a proxy or gateway in the way may
  // be gone by then); a refusal or a wrong address is not.
  test('each status gets its own code, words, hint and retry decision', async () => {
    const where = api.url;
    const cases: Array<[Canned, string, string, string, boolean]> = [
      [{ status: 401 }, 'token-rejected', 'Lexer rejected the API token (HTTP 401).', 'Create an Activity API token in the Hub (Manage > Integrations > API Tokens) and save it again.', false],
      [{ status: 403 }, 'token-rejected', 'Lexer rejected the API token (HTTP 403).', 'Create an Activity API token in the Hub (Manage > Integrations > API Tokens) and save it again.', false],
      [{ status: 400, body: '{"error":"filename is not allowed"}' }, 'request-refused', 'Lexer refused the request (HTTP 400): filename is not allowed.', 'Check the file name, dataset ID and record type, then try again.', false],
      [{ status: 422 }, 'request-refused', 'Lexer refused the request (HTTP 422): no reason given.', 'Check the file name, dataset ID and record type, then try again.', false],
      [{ status: 404 }, 'wrong-api-url', `There is no File Upload API at ${where} (HTTP 404).`, 'Check the API URL; the default is https://api.lexer.io.', false],
      [{ status: 429 }, 'rate-limited', 'Lexer kept answering "too many requests" (HTTP 429).', 'Wait a minute and try again; each token allows 10 requests per second.', true],
      [{ status: 429, headers: { 'retry-after': '3600' } }, 'rate-limited', 'Lexer kept answering "too many requests" (HTTP 429) and asked to wait (Retry-After: 3600).', 'Try again after that wait; each token allows 10 requests per second.', true],
      [{ status: 500 }, 'server-error', `The Lexer API at ${where} failed with HTTP 500.`, 'Lexer may be having trouble; try again in a few minutes.', true],
      [{ status: 418, body: '{"message":"short and stout"}' }, 'invalid-response', `The Lexer API at ${where} answered HTTP 418: short and stout.`, 'Check the API URL and try again.', true],
      [{ status: 410 }, 'invalid-response', `The Lexer API at ${where} answered HTTP 410.`, 'Check the API URL and try again.', true],
      [{ status: 204 }, 'invalid-response', 'The Lexer API answered HTTP 204 instead of an upload URL.', 'Check the API URL and try again.', true],
    ];
    for (const [answer, code, message, hint, retryable] of cases) {
      const { error } = await ask([answer]);
      assert.deepEqual([error.code, error.message, error.hint, error.retryable], [code, message, hint, retryable], JSON.stringify(answer));
    }
  });

  test('asks for an upload into a dataset with its record type, as JSON, at the API URL however it ends', async () => {
    queue.length = 0;
    queue.push({ status: 201, body: JSON.stringify({ id: 2, url: `${api.url}/k.ndjson` }) });
    const before = api.requests.length;
    const r = await requestUploadUrl({ apiUrl: `${api.url}//`, token: 'token-0123456789', filename: 'd.ndjson', destination: { datasetId: 'ds_1', recordType: 'purchase' }, limiter: createRateLimiter({ intervalCap: 100 }) });
    assert.equal(r.id, '2');
    const seen = api.requests[before];
    assert.equal(seen?.path, '/v1/uploads', 'no doubled slash');
    assert.equal(seen?.headers.accept, 'application/json');
    assert.deepEqual(JSON.parse(seen?.body ?? ''), { filename: 'd.ndjson', destination: { destination_type: 'dataset_load', dataset_id: 'ds_1', record_type: 'purchase' } });
  });

  test('a cancelled request says it was cancelled, whether before or while it was asked', async () => {
    const stalled = await startStandIn(() => undefined); // never answers
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const during = await requestUploadUrl({ apiUrl: stalled.url, token: 'token-0123456789', filename: 'a.csv', signal: controller.signal, limiter: createRateLimiter({ intervalCap: 100 }) }).catch((x: unknown) => x);
      assert.ok(during instanceof LexerError);
      assert.deepEqual([during.code, during.message], ['cancelled', 'The request was cancelled.']);
      await assert.rejects(checkToken({ apiUrl: stalled.url, token: 'token-0123456789', signal: AbortSignal.abort() }), (e: unknown) => e instanceof LexerError && e.code === 'cancelled');
    } finally {
      await stalled.close();
    }
  });

  test('a redirect without a usable address names none, and says the token stayed here', async () => {
    const none = await ask([{ status: 302 }]);
    assert.equal(none.error.message, `The Lexer API at ${api.url}/v1/uploads answered with a redirect (HTTP 302) to another address. It was not followed, so your API token was not sent there.`);
    const broken = await ask([{ status: 301, headers: { location: 'http://[not a host' } }]);
    assert.match(broken.error.message, /\(HTTP 301\) to an address that is not a valid URL\. It was not followed/);
    assert.equal(broken.error.hint, 'Check the API URL (the default is https://api.lexer.io); if the new address is really Lexer\'s, save it as the API URL.');
    assert.equal((await ask([{ status: 300 }])).error.code, 'wrong-api-url');
    // 300 and 399 are redirects too; 200 without a body is not one.
    assert.equal((await ask([{ status: 399 }])).error.code, 'wrong-api-url');
  });

  test('retries say why, in plain words, and the last error says how many tries were made', async () => {
    const { error, retries } = await ask([{ status: 429 }, { status: 503 }, { status: 502 }], 3);
    assert.deepEqual(retries.map(([attempt, reason]) => [attempt, reason]), [
      [2, 'Lexer asked us to slow down (HTTP 429).'],
      [3, 'The Lexer API answered HTTP 503.'],
    ]);
    assert.equal(error.message, `The Lexer API at ${api.url} failed with HTTP 502 after 3 tries.`);
    const limited = await ask([{ status: 429 }, { status: 429 }], 2);
    assert.equal(limited.error.message, 'Lexer kept answering "too many requests" (HTTP 429) after 2 tries.');
  });

  test('an API that cannot be reached says so, with the reason, and retries say it too', async () => {
    const retries: string[] = [];
    const e = await requestUploadUrl({ apiUrl: 'http://127.0.0.1:1', token: 'token-0123456789', filename: 'a.csv', maxAttempts: 2, retryBaseMs: 1, onRetry: (_a, reason) => retries.push(reason) }).catch((x: unknown) => x);
    assert.ok(e instanceof LexerError);
    assert.equal(e.message, 'Could not reach the Lexer API at http://127.0.0.1:1 (ECONNREFUSED) after 2 tries.');
    assert.equal(e.hint, 'Check your internet connection, proxy settings and the API URL, then try again.');
    assert.equal(e.retryable, true);
    assert.deepEqual(retries, ['Could not reach the Lexer API (ECONNREFUSED).']);
  });

  test('one try that could not reach the API does not speak of tries', async () => {
    const e = await requestUploadUrl({ apiUrl: 'http://127.0.0.1:1', token: 'token-0123456789', filename: 'a.csv', maxAttempts: 1 }).catch((x: unknown) => x);
    assert.ok(e instanceof LexerError);
    assert.deepEqual([e.code, e.message], ['network-error', 'Could not reach the Lexer API at http://127.0.0.1:1 (ECONNREFUSED).']);
  });

  test('checking a token: a valid one is named valid, a refused one not, with the reason', async () => {
    queue.length = 0;
    queue.push({ status: 200, body: '{}' });
    assert.deepEqual(await checkToken({ apiUrl: api.url, token: 'token-0123456789' }), { valid: true, message: 'Lexer accepted the API token.' });
    queue.push({ status: 401 });
    const refused = await checkToken({ apiUrl: api.url, token: 'token-0123456789' });
    assert.equal(refused.valid, false);
    assert.match(refused.message, /^Lexer rejected the API token \(HTTP 401\)\. Create an Activity API token/);
    assert.equal(api.requests.at(-1)?.path, '/v1/users');
    // Checking is one request: a server error is reported at once, not retried behind the person's back.
    const before = api.requests.length;
    queue.push({ status: 503 });
    const failed = await checkToken({ apiUrl: api.url, token: 'token-0123456789' });
    assert.equal(failed.valid, false);
    assert.match(failed.message, /failed with HTTP 503\./);
    assert.equal(api.requests.length - before, 1);
  });
});

describe('the service\'s own words', () => {
  test('are taken from error, message, errors or detail, in that order', () => {
    assert.equal(serviceMessage('{"error":"e","message":"m"}'), 'e');
    assert.equal(serviceMessage('{"message":"m","detail":"d"}'), 'm');
    assert.equal(serviceMessage('{"errors":["first", {"field":"x"}]}'), 'first; {"field":"x"}');
    assert.equal(serviceMessage('{"detail":{"loc":["body","filename"]}}'), '{"loc":["body","filename"]}');
  });

  test('are the text itself when it is not JSON with such a key, cut after 300 characters', () => {
    assert.equal(serviceMessage('  Bad Gateway \n'), 'Bad Gateway');
    assert.equal(serviceMessage('{"status":"nope"}'), '{"status":"nope"}');
    assert.equal(serviceMessage(`${'x'.repeat(300)}`), 'x'.repeat(300));
    assert.equal(serviceMessage(`${'x'.repeat(301)}`), `${'x'.repeat(300)}…`);
    assert.equal(serviceMessage('   '), null);
    // JSON that is not an object is still the service's text.
    assert.equal(serviceMessage('"quota exceeded"'), '"quota exceeded"');
    assert.equal(serviceMessage('null'), 'null');
    assert.equal(serviceMessage('{"error":null,"message":"m"}'), 'm');
  });
});

describe('the wait between tries', () => {
  test('doubles from the base with up to one base of noise, and never passes 30 s plus that noise', () => {
    const within = (ms: number, from: number, to: number) => assert.ok(ms >= from && ms < to, `${ms} not in [${from}, ${to})`);
    for (let i = 0; i < 20; i += 1) {
      within(backoffDelay(1, 1000), 1000, 2000);
      within(backoffDelay(2, 1000), 2000, 3000);
      within(backoffDelay(4, 1000), 8000, 9000);
      within(backoffDelay(10, 1000), 30_000, 31_000);
    }
  });
});
