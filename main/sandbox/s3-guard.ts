import type { IncomingMessage } from 'node:http';
import type { IssuedUrls } from './issued-urls.js';
import type { S3Refusal } from './s3-xml.js';

const REQUIRED = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'];

const sorted = (pairs: Iterable<readonly [string, string]>): string =>
  [...pairs].map(([k, v]) => `${k}=${v}`).sort().join('&');

/**
 * Checks a PUT the way S3 does before it reads the body, because s3rver does not verify SigV4
 * signatures ("Signature version 4 calculation is unimplemented") and accepts chunked bodies.
 * Returns the refusal S3 would send, or null when the PUT may go on. `issued` maps URL paths
 * to what was signed for them. Call {@link refuseUnsafeKey} on the raw path first.
 */
export function checkS3Put(req: IncomingMessage, url: URL, issued: Pick<IssuedUrls, 'get'>): S3Refusal | null {
  // S3 does not take chunked uploads without a length (FILE_UPLOAD_API.md: "S3 wants a Content-Length").
  if (/chunked/i.test(req.headers['transfer-encoding'] ?? '')) {
    return { status: 501, code: 'NotImplemented', message: 'A header you provided implies functionality that is not implemented (Transfer-Encoding).' };
  }
  if (req.headers['content-length'] === undefined) {
    return { status: 411, code: 'MissingContentLength', message: 'You must provide the Content-Length HTTP header.' };
  }
  const q = url.searchParams;
  // A URL whose `&` stayed `\u0026` arrives as one long X-Amz-Algorithm value (the pitfall in
  // FILE_UPLOAD_API.md); S3 answers with exactly this message.
  if (q.has('X-Amz-Algorithm') && q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') {
    return { status: 400, code: 'AuthorizationQueryParametersError', message: 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"' };
  }
  if (REQUIRED.some((name) => !q.has(name))) {
    return {
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: `Query-string authentication version 4 requires the ${REQUIRED.join(', ')} parameters.`,
    };
  }
  const signed = issued.get(url.pathname);
  const mismatch =
    req.method !== 'PUT' || !signed || signed.host !== (req.headers.host ?? '') || sorted(signed.query) !== sorted(q.entries());
  if (mismatch) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  return null;
}

/**
 * Refuses a key with a `.` or `..` segment, percent-encoded or not, or with a backslash one: s3rver
 * builds file paths with `path.join(root, bucket, ...key)`, so `PUT /uploads/..%2F..%2Fx` would
 * write outside the storage folder. `rawPath` is the request target before any URL parsing
 * (the WHATWG parser folds `..` and `%2e%2e` away, which would hide them from this check).
 */
export function refuseUnsafeKey(rawPath: string): S3Refusal | null {
  const segments: string[] = [];
  try {
    for (const part of rawPath.split('/')) segments.push(...decodeURIComponent(part).split(/[\\/]/));
  } catch {
    return { status: 400, code: 'InvalidURI', message: 'Couldn\'t parse the specified URI.' };
  }
  if (segments.some((s) => s === '.' || s === '..')) {
    return { status: 400, code: 'InvalidArgument', message: 'Object keys with "." or ".." segments are refused by the sandbox: they could leave its storage folder.' };
  }
  return null;
}
