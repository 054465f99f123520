/**
 * s3rver inside the sandbox's front server, with no port of its own: the front checks each PUT
 * the way S3 would (s3-guard.ts) and only then hands the request to s3rver's request handler.
 * s3rver listening on a port of its own answered anyone on the machine without authentication
 * (list, read, overwrite, delete) and built file paths from keys holding `..`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fitName, NAME_MAX_BYTES } from '../engine/names/fit-name.js';
import { storeObjectPrivately, type S3rverObject, type S3rverStore } from './private-object-store.js';

interface S3rverApp {
  store: S3rverStore & { putObject(object: S3rverObject): Promise<{ size: number; md5: string }> };
  configureBuckets(): Promise<unknown>;
  /** Koa's request handler (s3rver is a Koa application). */
  callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}
interface S3rverOptions {
  // Also Koa's own `silent`: no error printed to stderr for every S3 error answer. s3rver's
  // request log (which quotes presigned queries) goes to a silent console transport; it is
  // never closed, since winston complains on stderr, query and all, when a closed logger is used.
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
  // s3rver's default would treat "bucket.localhost" Host names as virtual-host buckets; the
  // front always hands on path-style requests.
  vhostBuckets: boolean;
}

// s3rver is CommonJS without type declarations; this is the little of its API we use.
const S3rver = createRequire(import.meta.url)('s3rver') as new (o: S3rverOptions) => S3rverApp;

/** s3rver as a request handler. */
export interface S3Handler {
  /**
   * Hands an accepted request to s3rver, as `path` (path-style, `/<bucket>/<key>?<query>`); resolves
   * with the status sent, or 499 when the client went away first.
   */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<number>;
}

/**
 * What s3rver's suffixes (`._S3rver_metadata.json`) and the private store's temporary one
 * (`.<hex>.partial`) add to a key's last part on disk: a name near the file system's limit (Lexer
 * takes it) would otherwise fail to store, and the sandbox answer 500.
 */
const SUFFIX_ROOM = 48;

/** The key as s3rver lays it out on disk: its last part cut to leave room for the suffixes (the full key is kept in the metadata). */
export function diskKey(key: string): string {
  const parts = key.split('/');
  const last = parts.pop() ?? '';
  return [...parts, fitName(last, '', NAME_MAX_BYTES - SUFFIX_ROOM)].join('/');
}

/** Sets up s3rver with one bucket, storing objects under `directory` (folders 0700, files 0600). */
export async function createS3Handler(o: { directory: string; bucket: string }): Promise<S3Handler> {
  // s3rver would create the bucket folder 0755; made first, it stays 0700.
  await mkdir(join(o.directory, o.bucket), { recursive: true, mode: 0o700 });
  const app = new S3rver({ silent: true, directory: o.directory, configureBuckets: [{ name: o.bucket }], vhostBuckets: false });
  await app.configureBuckets();
  const store = app.store;
  const resourcePath = store.getResourcePath.bind(store);
  // s3rver calls it without a key for a bucket's own files.
  store.getResourcePath = (bucket, key, resource) => resourcePath(bucket, typeof key === 'string' ? diskKey(key) : key, resource);
  store.putObject = (object) => storeObjectPrivately(store, object);
  const callback = app.callback();
  return {
    handle(req, res, path) {
      req.url = path;
      return new Promise((resolve) => {
        res.once('close', () => resolve(res.writableFinished ? res.statusCode : 499));
        void callback(req, res);
      });
    },
  };
}
