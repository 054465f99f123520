import { stat } from 'node:fs/promises';
import { LexerError } from '../engine/errors.js';

/** Fails with a plain `file-unreadable` error unless `path` is a file we can open. */
export async function assertReadableFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'there is no such file' : error.code === 'EACCES' ? 'permission denied' : error.message;
    throw new LexerError('file-unreadable', `Cannot read ${path}: ${why}.`, { hint: 'Check the path and that you may read the file.' });
  });
  if (!info.isFile()) {
    throw new LexerError('file-unreadable', `${path} is not a file.`, { hint: 'Give the path of a file, not a folder.' });
  }
}
