import { open, type FileHandle } from 'node:fs/promises';
import { createContentHasher, type ContentHash } from '../dedupe/content-hash.js';
import { LexerError } from '../errors.js';
import { unreadable } from '../io/unreadable.js';
import type { BlockBuffers } from './block-buffers.js';

/** A file read once from start to end, every byte hashed on the way (so the duplicate guard needs no extra pass). */
export interface SourceReader {
  /** The file's size when it was opened. */
  readonly totalBytes: number;
  /** Bytes read so far. */
  readonly bytesRead: number;
  /** Reads the next bytes into `target` from `offset` on, as many as fit or are left; 0 at the end. */
  fill(target: Uint8Array, offset: number): Promise<number>;
  /** After the last read: checks the file did not change meanwhile; returns the content hash of its bytes. */
  finish(): Promise<ContentHash>;
  /** Frees the file (after finish, or to give up). */
  close(): Promise<void>;
}

/** The error for a source that grew, shrank or was rewritten while it was being read. */
export function sourceChanged(path: string): LexerError {
  return new LexerError('file-changed', `The file ${path} changed while it was being read, so what would be sent mixes old and new data.`, {
    hint: 'Wait until whatever writes the file has finished, then send it again.',
  });
}

/** Opens `path` for one pass; file errors become plain 'file-unreadable' messages. */
export async function openSourceReader(path: string, signal?: AbortSignal): Promise<SourceReader> {
  let handle: FileHandle;
  let size: number;
  let mtimeMs: number;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    ({ size, mtimeMs } = info);
  } catch (error) {
    throw unreadable(path, error);
  }
  const hash = await createContentHasher().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  let bytesRead = 0;
  return {
    totalBytes: size,
    get bytesRead() {
      return bytesRead;
    },
    async fill(target, offset) {
      signal?.throwIfAborted();
      let filled = offset;
      while (filled < target.length) {
        const { bytesRead: n } = await handle.read(target, filled, target.length - filled, bytesRead + filled - offset).catch((error: unknown) => {
          throw unreadable(path, error);
        });
        if (n === 0) break;
        filled += n;
      }
      const count = filled - offset;
      hash.update(target.subarray(offset, filled));
      bytesRead += count;
      if (bytesRead > size) throw sourceChanged(path);
      return count;
    },
    async finish() {
      const now = await handle.stat();
      if (bytesRead !== size || now.size !== size || now.mtimeMs !== mtimeMs) throw sourceChanged(path);
      return hash.digest();
    },
    close: () => handle.close().catch(() => undefined),
  };
}

/** The whole file in blocks of `buffers.size` bytes (the last one shorter), each transferable to a worker. */
export async function* fixedBlocks(reader: SourceReader, buffers: BlockBuffers): AsyncGenerator<Uint8Array> {
  for (;;) {
    const block = buffers.take();
    const n = await reader.fill(block, 0);
    if (n === 0) return buffers.give(block);
    yield n === block.length ? block : block.subarray(0, n);
    if (n < block.length) return;
  }
}
