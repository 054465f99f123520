/** Opens an NDJSON file for streaming, gunzipping it when it is gzip (by its magic bytes). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { LexerError } from '../errors.js';
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

/** "1.2 MB", "340 KB", "12 bytes": how much of a cut-short file could be read. */
function amount(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/**
 * The error for a gzip file that ends before its compressed data does (zlib's "unexpected end of
 * file"): an incomplete download or copy, not a file of another kind. Says how much was readable.
 */
export function cutShort(path: string, read: { bytes: number; lines: number }, cause: unknown): LexerError {
  const lines = read.lines === 0 ? 'not one whole line' : `${read.lines.toLocaleString('en-US')} whole line${read.lines === 1 ? '' : 's'}`;
  return new LexerError('file-unreadable', `${path} is cut short: its gzip data ends before the end of the compressed stream. ${amount(read.bytes)} of it could be read when unpacked (${lines}); the rest is missing.`, {
    hint: 'The download or copy did not finish: download or copy the file again, and check that its size matches the original.',
    cause,
  });
}

/** Counts the bytes and line feeds that come out of gunzip, for the message of a file cut short. */
function counter(): Transform & { counted: { bytes: number; lines: number } } {
  const counted = { bytes: 0, lines: 0 };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted.bytes += chunk.length;
      for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) counted.lines += 1;
      done(null, chunk);
    },
  });
  return Object.assign(stream, { counted });
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
  if (!gzip) {
    return { stream: file, totalBytes, bytesRead: () => file.bytesRead, close: () => file.destroy() };
  }
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const out = counter();
  // pipe() does not forward errors: a read or gunzip error must reach whoever consumes the output.
  file.on('error', (error) => out.destroy(error));
  gunzip.on('error', (error: NodeJS.ErrnoException) => {
    out.destroy(error.code === 'Z_BUF_ERROR' ? cutShort(path, out.counted, error) : error);
  });
  file.pipe(gunzip).pipe(out);
  return {
    stream: out,
    totalBytes,
    bytesRead: () => file.bytesRead,
    close: () => {
      file.destroy();
      gunzip.destroy();
      out.destroy();
    },
  };
}
