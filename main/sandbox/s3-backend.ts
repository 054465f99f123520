import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
interface S3rverOptions {
  port: number;
  address: string;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
  // s3rver's default would treat "bucket.localhost" Host names as virtual-host buckets; we
  // always forward path-style requests to it.
  vhostBuckets: boolean;
}

// s3rver is CommonJS without type declarations; this is the little of its API we use.
const S3rver = createRequire(import.meta.url)('s3rver') as new (o: S3rverOptions) => S3rverInstance;

/** Starts s3rver on 127.0.0.1 (ephemeral port) with one bucket, storing objects under `directory`. */
export async function startS3Backend(o: { directory: string; bucket: string }): Promise<{ port: number; close(): Promise<void> }> {
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: o.directory,
    configureBuckets: [{ name: o.bucket }],
    vhostBuckets: false,
  });
  const address = await server.run();
  return { port: address.port, close: () => server.close() };
}
