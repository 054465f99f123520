// Where the API token may go: only to the configured API, never on through a
// redirect, and never into an error message, even when the API quotes it back.
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { checkToken, requestUploadUrl } from '../../../main/engine/api/api-client.js';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import { LexerError } from '../../../main/engine/errors.js';
import { startStandIn, startTokenEchoingApi, type StandIn } from '../../helpers/api-stand-in.js';

const TOKEN = 'lexer-secret-token-0123456789abcdef';
const fast = () => ({ retryBaseMs: 5, maxAttempts: 2, limiter: createRateLimiter({ intervalCap: 100 }) });

describe('a redirect from the API', () => {
  let elsewhere: StandIn;
  let api: StandIn;
  before(async () => {
    // The second server is where the redirect points: it must never hear from us.
    elsewhere = await startStandIn((_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":1,"url":"http://127.0.0.1:1/x"}'));
    api = await startStandIn((req, res) => {
      res.writeHead(req.method === 'POST' ? 307 : 302, { location: `${elsewhere.url}${req.url ?? '/'}?sig=secret` }).end();
    });
  });
  after(async () => {
    await api.close();
    await elsewhere.close();
  });

  test('is not followed when asking for an upload URL, and the error says so', async () => {
    await assert.rejects(requestUploadUrl({ ...fast(), apiUrl: api.url, token: TOKEN, filename: 'a.csv' }), (e: unknown) => {
      assert.ok(e instanceof LexerError);
      assert.equal(e.code, 'wrong-api-url');
      assert.match(e.message, /redirect \(HTTP 307\) to http:\/\/127\.0\.0\.1:\d+\/v1\/uploads\. It was not followed, so your API token was not sent there\./);
      assert.ok(!e.message.includes('sig=secret'), 'the query of the target is not shown');
      return true;
    });
    assert.equal(api.requests.filter((r) => r.method === 'POST').length, 1);
    assert.deepEqual(elsewhere.requests, [], 'the second server received nothing, so never the token');
  });

  test('is not followed when checking the token, which is then not called valid', async () => {
    const r = await checkToken({ apiUrl: api.url, token: TOKEN });
    assert.equal(r.valid, false);
    assert.match(r.message, /redirect \(HTTP 302\)/);
    assert.deepEqual(elsewhere.requests, []);
  });
});

describe('an API whose error quotes the token', () => {
  let api: StandIn;
  before(async () => (api = await startTokenEchoingApi(422)));
  after(async () => api.close());

  test('gives a message with the token masked', async () => {
    await assert.rejects(requestUploadUrl({ ...fast(), apiUrl: api.url, token: TOKEN, filename: 'a.csv' }), (e: unknown) => {
      assert.ok(e instanceof LexerError && e.code === 'request-refused');
      assert.match(e.message, /the token \[token hidden\] may not upload files/);
      assert.ok(!JSON.stringify(e.toJSON()).includes(TOKEN));
      assert.equal(e.cause, undefined, 'got\'s error (whose options hold the token header) is not kept');
      return true;
    });
  });

  test('masks a token cut by the 300-character limit on plain-text errors, and one quoted in other statuses', async () => {
    const plain = await startStandIn((req, res) => {
      res.writeHead(req.url === '/v1/users' ? 418 : 400, { 'content-type': 'text/plain' }).end(`${'x'.repeat(290)} ${String(req.headers['auth-api-token'])}`);
    });
    try {
      await assert.rejects(requestUploadUrl({ ...fast(), apiUrl: plain.url, token: TOKEN, filename: 'a.csv' }), (e: unknown) => {
        assert.ok(e instanceof LexerError);
        assert.ok(!e.message.includes(TOKEN.slice(0, 9)), e.message);
        return true;
      });
      const check = await checkToken({ apiUrl: plain.url, token: TOKEN });
      assert.equal(check.valid, false);
      assert.ok(!check.message.includes(TOKEN.slice(0, 9)), check.message);
    } finally {
      await plain.close();
    }
  });
});

describe('a token with the characters JSON and URLs escape', () => {
  // Base64-like and quoted characters: the JSON-escaped and percent-encoded forms differ from it.
  const ODD = 'lexer+token/with="quote"\\and=slash0123';

  test('is masked where the service quotes it inside an object (so JSON-escaped)', async () => {
    const api = await startStandIn((req, res) => {
      const body = JSON.stringify({ errors: [{ field: 'auth-api-token', value: String(req.headers['auth-api-token']) }] });
      res.writeHead(422, { 'content-type': 'application/json' }).end(body);
    });
    try {
      await assert.rejects(requestUploadUrl({ ...fast(), apiUrl: api.url, token: ODD, filename: 'a.csv' }), (e: unknown) => {
        assert.ok(e instanceof LexerError && e.code === 'request-refused', String(e));
        assert.match(e.message, /"value":"\[token hidden\]"/);
        const shown = JSON.stringify(e.toJSON());
        for (const form of [ODD, JSON.stringify(ODD).slice(1, -1), encodeURIComponent(ODD), 'lexer+token']) assert.ok(!shown.includes(form), form);
        return true;
      });
    } finally {
      await api.close();
    }
  });

  test('is masked in a redirect target that carries it percent-encoded in its path', async () => {
    const api = await startStandIn((req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:1/keys/${encodeURIComponent(String(req.headers['auth-api-token']))}/uploads` }).end();
    });
    try {
      await assert.rejects(requestUploadUrl({ ...fast(), apiUrl: api.url, token: ODD, filename: 'a.csv' }), (e: unknown) => {
        assert.ok(e instanceof LexerError && e.code === 'wrong-api-url', String(e));
        assert.match(e.message, /to http:\/\/127\.0\.0\.1:1\/keys\/\[token hidden\]\/uploads\./);
        assert.ok(!e.message.includes(encodeURIComponent(ODD)));
        return true;
      });
    } finally {
      await api.close();
    }
  });
});
