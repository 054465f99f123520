import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { unreadable } from '../io/unreadable.js';

/**
 * How the duplicate guard reads files. Injectable so a test can count what is read: the guard
 * promises no whole-file read unless a cheap fingerprint already matched.
 */
export interface FileBytes {
  size(path: string): Promise<number>;
  /** `length` bytes from `position` (fewer at the end of the file). */
  range(path: string, position: number, length: number): Promise<Uint8Array>;
  /** The whole file, streamed. */
  stream(path: string): AsyncIterable<Uint8Array>;
}

/** The file system, with file errors as plain 'file-unreadable' messages. */
export const diskBytes: FileBytes = {
  async size(path) {
    return (await stat(path).catch((error: unknown) => Promise.reject(unreadable(path, error)))).size;
  },
  async range(path, position, length) {
    const handle = await open(path, 'r').catch((error: unknown) => Promise.reject(unreadable(path, error)));
    try {
      const bytes = Buffer.alloc(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(bytes, filled, length - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return bytes.subarray(0, filled);
    } finally {
      await handle.close();
    }
  },
  async *stream(path) {
    try {
      yield* createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
    } catch (error) {
      throw unreadable(path, error);
    }
  },
};
