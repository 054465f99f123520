import { request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendS3Error } from './s3-xml.js';

/** Where s3rver listens and keeps its files. */
export interface S3Backend {
  port: number;
  directory: string;
}

/** s3rver's file for an object: {dir}/{bucket}/{key dirs}/{name}._S3rver_object. */
export function objectFilePath(directory: string, bucket: string, key: string): string {
  const parts = key.split('/');
  const last = parts.pop() ?? '';
  return [directory, bucket, ...parts, `${last}._S3rver_object`].join('/');
}

/**
 * s3rver answers once the body went through its hash stream, which can be before its write
 * stream flushed; wait (bounded) until the stored file has every byte, so that a 200 from the
 * sandbox means "stored", as it does on S3.
 */
async function waitUntilStored(path: string, bytes: number): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    const size = await stat(path).then((s) => s.size, () => -1);
    if (size >= bytes) return;
    await sleep(10);
  }
}

/** Streams an accepted PUT's body on to s3rver and relays its answer; returns the status sent. */
export function forwardPut(req: IncomingMessage, res: ServerResponse, s3Path: string, backend: S3Backend): Promise<number> {
  return new Promise((resolve) => {
    const bytes = Number(req.headers['content-length']);
    const upstream = request({
      host: '127.0.0.1',
      port: backend.port,
      method: 'PUT',
      path: s3Path,
      headers: { host: `127.0.0.1:${backend.port}`, 'content-length': String(bytes) },
    });
    // A client that goes away mid-body must not leave a finished object behind.
    req.on('close', () => {
      if (!req.complete) upstream.destroy();
    });
    upstream.on('error', () => {
      if (!res.headersSent && !res.destroyed) sendS3Error(res, { status: 500, code: 'InternalError', message: 'The sandbox storage failed.' });
      req.resume();
      resolve(req.complete ? 500 : 499);
    });
    upstream.on('response', (answer) => {
      const status = answer.statusCode ?? 502;
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        void (async () => {
          if (status >= 300) {
            req.unpipe(upstream);
            req.resume(); // drain what the client still sends, so it can read our answer
          } else {
            const [, bucket = '', ...key] = new URL(s3Path, 'http://x').pathname.split('/');
            await waitUntilStored(objectFilePath(backend.directory, bucket, decodeURIComponent(key.join('/'))), bytes);
          }
          const headers: Record<string, string> = { 'content-length': String(Buffer.concat(chunks).length) };
          if (answer.headers['content-type']) headers['content-type'] = answer.headers['content-type'];
          if (answer.headers.etag) headers.etag = answer.headers.etag;
          res.writeHead(status, headers);
          res.end(Buffer.concat(chunks));
          resolve(status);
        })();
      });
    });
    req.pipe(upstream);
  });
}
