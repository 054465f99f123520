import { open } from 'node:fs/promises';
import { LexerError } from '../errors.js';
import { unreadable } from './unreadable.js';

export interface FileHead {
  bytes: Buffer;
  totalBytes: number;
  /** Whether `bytes` is the whole file. */
  complete: boolean;
}

/** Reads at most `maxBytes` from the start of a file, whatever its size (a preview never reads a 5 GB file). */
export async function readHead(path: string, maxBytes: number): Promise<FileHead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const bytes = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(bytes, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), totalBytes: size, complete: filled >= size };
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    await handle.close();
  }
}

/** The error for a file with no bytes at all. */
export function emptyFile(path: string): LexerError {
  return new LexerError('file-empty', `${path} is empty.`, { hint: 'Export the data again; the file has no header row and no records.' });
}
