/** The one error for a file that cannot be opened or read, whoever was reading it. */
import { LexerError } from '../errors.js';

/** Why a read failed, in words: from the errno code, or gunzip's Z_ code for a broken gzip file. */
function whyUnreadable(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return 'it is not a valid gzip file';
    default:
      return cause instanceof Error ? cause.message : 'it could not be read';
  }
}

/** The LexerError `file-unreadable` for `path` (missing, a folder, no permission, broken gzip...). */
export function unreadable(path: string, cause: unknown): LexerError {
  return new LexerError('file-unreadable', `Cannot read ${path}: ${whyUnreadable(cause)}.`, {
    hint: 'Check the path and that you are allowed to read the file.',
    cause,
  });
}
