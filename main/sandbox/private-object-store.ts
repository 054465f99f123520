/**
 * How the sandbox stores a PUT body, in place of s3rver's own `putObject`: the body is streamed
 * to a temporary name (file 0600, folders 0700: it is customer data) and renamed into place
 * only once every byte is on disk and the client sent the whole body. s3rver's version wrote
 * straight to the final name with the default modes, answered before its write stream flushed,
 * and never settled when the client went away mid-body.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The metadata entry that keeps an object's whole key. */
export const KEY_METADATA = 'x-amz-meta-lexer-key';

/** What s3rver (3.7) hands its store for a PUT: the request as the content stream, and the headers it keeps. */
export interface S3rverObject {
  bucket: string;
  key: string;
  content: IncomingMessage;
  metadata: Record<string, string>;
}

/** The parts of s3rver's FilesystemStore this module uses. */
export interface S3rverStore {
  getResourcePath(bucket: string, key: string, resource: 'object' | 'metadata.json' | 'object.md5'): string;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
}

/** Stores one object; rejects (leaving nothing) when the body breaks off. */
export async function storeObjectPrivately(store: S3rverStore, object: S3rverObject): Promise<{ size: number; md5: string }> {
  const path = (resource: 'object' | 'metadata.json' | 'object.md5') => store.getResourcePath(object.bucket, object.key, resource);
  const file = path('object');
  // Not named `*._S3rver_object`, so listings never count a half-received body as stored.
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const md5 = createHash('md5');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    // pipeline rejects when the client goes away mid-body (premature close), and resolves only
    // once the file stream finished writing, so a 200 from the sandbox means "stored", as on S3.
    await pipeline(object.content, count, createWriteStream(partial, { mode: 0o600 }));
    if (!object.content.complete) throw new Error('The client went away before sending the whole body.');
    const digest = md5.digest('hex');
    await rename(partial, file);
    // The whole key, for listings: a long one is cut on disk (s3-backend.ts).
    await store.putMetadata(object.bucket, object.key, { ...object.metadata, [KEY_METADATA]: object.key }, digest);
    await Promise.all([chmod(path('metadata.json'), 0o600), chmod(path('object.md5'), 0o600)]);
    return { size, md5: digest };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
