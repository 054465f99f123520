import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** Signs PUT URLs for one bucket at the address the client will use. */
export interface Presigner {
  presignPut(key: string, o?: { expiresInSeconds?: number; expired?: boolean }): Promise<string>;
}

/**
 * Creates a presigner. `endpoint` is the sandbox's public S3 address (e.g.
 * http://127.0.0.1:PORT/s3): the client sends the Host of the URL it got, and that Host is part
 * of the signature, so we sign for the front server, not for s3rver behind it. s3rver's default
 * account is S3RVER/S3RVER.
 */
export function createPresigner(o: { endpoint: string; bucket: string }): Presigner {
  // The SDK warns on Node 20 about its releases from 2027 on; that says nothing to a person
  // trying the sandbox, so it is silenced here unless they set the variable themselves.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: o.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // By default the SDK signs x-amz-checksum-crc32 of an empty body into presigned PUTs,
    // which a real upload then fails; only add checksums when an operation requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return {
    async presignPut(key, p = {}) {
      const expiresIn = p.expiresInSeconds ?? 15 * 60;
      // An expired link: signed an hour ago for `expiresIn` seconds (well under an hour).
      const signingDate = p.expired ? new Date(Date.now() - 3600_000) : new Date();
      return getSignedUrl(client, new PutObjectCommand({ Bucket: o.bucket, Key: key }), {
        expiresIn: p.expired ? 60 : expiresIn,
        signingDate,
      });
    },
  };
}
