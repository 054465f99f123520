import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseS3Error, s3Error } from '../../../main/engine/upload/s3-error.js';

const xml = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>1</RequestId></Error>`;

test('parseS3Error reads Code and Message, and nulls for non-XML', () => {
  assert.deepEqual(parseS3Error(xml('AccessDenied', 'Request has expired')), { code: 'AccessDenied', message: 'Request has expired' });
  assert.deepEqual(parseS3Error('<html>gateway</html>'), { code: null, message: null });
  assert.deepEqual(parseS3Error(''), { code: null, message: null });
});

test('each S3 error becomes its own plain message and retry decision', () => {
  const cases: Array<[number, string, string, string, boolean, RegExp]> = [
    [403, 'AccessDenied', 'Request has expired', 'link-expired', true, /expired/],
    [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match', 'signature-mismatch', false, /did not match/],
    [400, 'AuthorizationQueryParametersError', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"', 'url-mangled', false, /mangled/],
    [400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 'entity-too-large', false, /larger/],
    [403, 'AccessDenied', 'Access Denied', 'upload-rejected', false, /refused/],
    [400, 'RequestTimeout', 'Your socket connection to the server was not read from or written to within the timeout period.', 'upload-stalled', true, /no data arrived/],
    [503, 'SlowDown', 'Please reduce your request rate.', 'upload-rejected', true, /SlowDown/],
    // S3's most common passing failure: a fresh PUT usually succeeds.
    [500, 'InternalError', 'We encountered an internal error. Please try again.', 'upload-rejected', true, /InternalError/],
  ];
  for (const [status, code, message, expected, retryable, words] of cases) {
    const e = s3Error(status, xml(code, message), 'data.csv');
    assert.equal(e.code, expected, code);
    assert.equal(e.retryable, retryable, code);
    assert.match(e.message, words);
    assert.match(e.message, /data\.csv/);
  }
});

test('entities in the message are decoded, named or numeric', () => {
  assert.equal(parseS3Error(xml('X', 'only &quot;A&quot; &amp; &#34;B&#34;')).message, 'only "A" & "B"');
});
