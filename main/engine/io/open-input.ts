/** Opens an NDJSON file for streaming, gunzipping it when it is gzip (by its magic bytes). */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { LexerError } from '../errors.js';

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

/** The LexerError for a file that cannot be read. */
export function unreadable(path: string, cause: unknown): LexerError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT' ? 'it does not exist' :
    code === 'EACCES' || code === 'EPERM' ? 'permission was denied' :
    code === 'EISDIR' ? 'it is a folder' :
    code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? 'it is not a valid gzip file' :
    (cause instanceof Error ? cause.message : String(cause));
  return new LexerError('file-unreadable', `Cannot read ${path}: ${why}.`, {
    hint: 'Check the path and that the file is readable, then try again.',
    cause,
  });
}

/** Whether the file starts with gzip's magic bytes (1f 8b). */
export async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

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
