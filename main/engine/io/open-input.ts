/** Opens an NDJSON file for streaming, gunzipping it when it is gzip (by its magic bytes). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isGzip } from './gzip-magic.js';
import { unreadable } from './unreadable.js';

export interface OpenedInput {
  /** Decompressed bytes. */
  stream: Readable;
  /** Bytes of the file on disk. */
  totalBytes: number;
  /** Bytes of the file on disk read so far. */
  bytesRead(): number;
  /** Stops reading and frees the file. */
  close(): void;
}

// Reads match the batch size (line-batcher.ts BATCH_BYTES).
const READ_CHUNK = 256 * 1024;

/** Opens `path`; throws LexerError 'file-unreadable' when it cannot. */
export async function openInput(path: string): Promise<OpenedInput> {
  let totalBytes: number;
  let gzip: boolean;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    totalBytes = info.size;
    gzip = await isGzip(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  const file = createReadStream(path, { highWaterMark: READ_CHUNK });
  const stream = gzip ? file.pipe(createGunzip({ chunkSize: 256 * 1024 })) : file;
  // pipe() does not forward errors: a read error must reach whoever consumes the gunzip stream.
  if (gzip) file.on('error', (error) => stream.destroy(error));
  return {
    stream,
    totalBytes,
    bytesRead: () => file.bytesRead,
    close: () => {
      file.destroy();
      if (stream !== file) stream.destroy();
    },
  };
}
