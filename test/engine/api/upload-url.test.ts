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
    assert.equal(isLoopbackHost('[::1]'), true);
    assert.equal(isLoopbackHost('example.com'), false);
  });
});

test('stripQuery drops the query and fragment', () => {
  assert.equal(stripQuery(`${GOOD}#frag`), 'https://bucket.s3.amazonaws.com/k.csv');
  assert.equal(stripQuery('https://x/y'), 'https://x/y');
});
