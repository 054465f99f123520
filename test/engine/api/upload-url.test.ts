import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isLoopbackHost, parseSecureUrl, repairUploadUrl } from '../../../main/engine/api/upload-url.js';
import { stripQuery } from '../../../main/engine/api/redact-url.js';
import { parseUploadReply } from '../../../main/engine/api/api-client.js';
import { LexerError } from '../../../main/engine/errors.js';

const GOOD = 'https://bucket.s3.amazonaws.com/k.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2Fb&X-Amz-Signature=abc';

describe('repairUploadUrl', () => {
  test('turns literal \\u0026 back into &', () => {
    assert.equal(repairUploadUrl(GOOD.replace(/&/g, '\\u0026')), GOOD);
  });
  test('turns &amp; back into & and trims quotes and spaces', () => {
    assert.equal(repairUploadUrl(` "${GOOD.replace(/&/g, '&amp;')}" `), GOOD);
  });
  test('takes quotes off only when they enclose the whole URL', () => {
    assert.equal(repairUploadUrl(`"${GOOD}`), `"${GOOD}`);
    assert.equal(repairUploadUrl(`${GOOD}"`), `${GOOD}"`);
  });
  test('leaves a correct URL alone (the signature stays percent-encoded)', () => {
    assert.equal(repairUploadUrl(GOOD), GOOD);
  });
});

describe('parseUploadReply', () => {
  test('decodes the service JSON, where & is written \\u0026, and stringifies a numeric id', () => {
    const raw = JSON.stringify({ id: 42, url: GOOD }).replace(/&/g, '\\u0026');
    assert.ok(raw.includes('\\u0026'));
    assert.deepEqual(parseUploadReply(raw), { id: '42', url: GOOD });
  });
  test('refuses a reply without a URL', () => {
    assert.throws(() => parseUploadReply('{"id": 1}'), (e: unknown) => e instanceof LexerError && e.code === 'invalid-response');
  });
  test('takes a text id as it is, refuses any other kind of id, and says what was missing', () => {
    assert.equal(parseUploadReply(JSON.stringify({ id: 'u-7', url: GOOD })).id, 'u-7');
    for (const id of [true, null, { n: 1 }]) {
      assert.throws(() => parseUploadReply(JSON.stringify({ id, url: GOOD })), (e: unknown) => {
        assert.ok(e instanceof LexerError && e.code === 'invalid-response', JSON.stringify(id));
        assert.deepEqual([e.message, e.hint], ['The Lexer API reply has no upload id and URL.', 'Check the API URL.']);
        return true;
      });
    }
  });
  test('a reply that is not JSON says so', () => {
    assert.throws(() => parseUploadReply('<html>gateway</html>'), (e: unknown) => {
      assert.ok(e instanceof LexerError && e.code === 'invalid-response');
      assert.deepEqual([e.message, e.hint], ['The Lexer API sent a reply that is not JSON.', 'Check the API URL.']);
      return true;
    });
  });
  test('names the upload URL when it is not safe to send to', () => {
    assert.throws(() => parseUploadReply(JSON.stringify({ id: 1, url: 'http://bucket.example.com/k?sig=s' })), (e: unknown) => e instanceof LexerError && /^The upload URL http:\/\/bucket\.example\.com\/k does not use https/.test(e.message));
  });
  test('refuses an http upload URL for a host that is not this machine', () => {
    assert.throws(() => parseUploadReply(JSON.stringify({ id: 1, url: GOOD.replace('https:', 'http:') })), (e: unknown) => e instanceof LexerError && e.code === 'insecure-url');
  });
});

describe('parseSecureUrl', () => {
  test('accepts https anywhere and http on loopback only', () => {
    assert.equal(parseSecureUrl('https://api.lexer.io', 'API URL').host, 'api.lexer.io');
    for (const host of ['127.0.0.1:9', '127.5.6.7', 'localhost:8080', '[::1]:80']) {
      assert.equal(parseSecureUrl(`http://${host}/x`, 'API URL').protocol, 'http:');
    }
    for (const host of ['api.lexer.io', '10.0.0.1', '128.0.0.1', 'localhost.evil.com']) {
      assert.throws(() => parseSecureUrl(`http://${host}/x`, 'API URL'), (e: unknown) => e instanceof LexerError && e.code === 'insecure-url');
    }
  });
  test('an insecure presigned URL is refused without repeating its query (a credential)', () => {
    try {
      parseSecureUrl('http://bucket.example.com/k?X-Amz-Signature=secret', 'upload URL');
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof LexerError);
      assert.ok(!e.message.includes('secret'));
    }
  });
  test('isLoopbackHost', () => {
    assert.equal(isLoopbackHost('127.0.0.1'), true);
    assert.equal(isLoopbackHost('127.100.200.250'), true);
    assert.equal(isLoopbackHost('[::1]'), true);
    assert.equal(isLoopbackHost('LOCALHOST'), true);
    for (const host of ['example.com', '127.0.0.1.evil.com', 'x127.0.0.1', '127.0.0.1000', '[::1].evil.com', 'evil[::1]']) assert.equal(isLoopbackHost(host), false, host);
  });

  test('says plainly what is wrong with an address, without its query', () => {
    assert.throws(() => parseSecureUrl('not a url?sig=secret', 'API URL'), (e: unknown) => {
      assert.ok(e instanceof LexerError && e.code === 'invalid-response');
      assert.equal(e.message, 'The API URL "not a url" is not a valid URL.');
      assert.equal(e.hint, 'Check the address; it should start with https://.');
      return true;
    });
    assert.throws(() => parseSecureUrl('http://bucket.example.com/k?X-Amz-Signature=secret', 'upload URL'), (e: unknown) => {
      assert.ok(e instanceof LexerError && e.code === 'insecure-url');
      assert.equal(e.message, 'The upload URL http://bucket.example.com/k does not use https, so the data would travel unencrypted.');
      assert.equal(e.hint, 'Use an https:// address (plain http is only allowed for this machine, e.g. the local sandbox).');
      return true;
    });
    assert.throws(() => parseSecureUrl('ftp://127.0.0.1/x', 'API URL'), (e: unknown) => e instanceof LexerError && e.code === 'insecure-url');
  });
});

test('stripQuery drops the query and fragment', () => {
  assert.equal(stripQuery(`${GOOD}#frag`), 'https://bucket.s3.amazonaws.com/k.csv');
  assert.equal(stripQuery('https://x/y'), 'https://x/y');
});
