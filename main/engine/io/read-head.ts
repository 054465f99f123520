import { open } from 'node:fs/promises';
import { LexerError } from '../errors.js';

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

/** The error for a file that cannot be opened or read (missing, a folder, no permission). */
export function unreadable(path: string, error: unknown): LexerError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : 'it could not be read';
  return new LexerError('file-unreadable', `Cannot read ${path}: ${why}.`, {
    hint: 'Check the path and that you are allowed to read the file.',
    cause: error,
  });
}

/** The error for a file with no bytes at all. */
export function emptyFile(path: string): LexerError {
  return new LexerError('file-empty', `${path} is empty.`, { hint: 'Export the data again; the file has no header row and no records.' });
}
