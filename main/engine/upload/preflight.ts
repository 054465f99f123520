import { open } from 'node:fs/promises';
import { LexerError } from '../errors.js';

/**
 * A single S3 PUT takes at most 5 GiB (FILE_UPLOAD_API.md: "A single S3 PUT is limited to 5 GiB
 * (5,368,709,120 bytes)"); larger files would be refused only after the whole body was sent.
 */
export const MAX_UPLOAD_BYTES = 5_368_709_120;
const LIMIT_WORDS = '5 GiB (5,368,709,120 bytes)';

/**
 * Checks a file can be sent at all: readable, a regular file, not empty. Any size: a file over
 * one PUT's limit is sent in parts, each checked by {@link checkUploadableFile}.
 */
export async function checkReadableFile(filePath: string): Promise<{ bytes: number; mtimeMs: number }> {
  let stats;
  try {
    // Opening (not just stat-ing) proves we can read it, as the PUT will.
    const handle = await open(filePath, 'r');
    try {
      stats = await handle.stat();
    } finally {
      await handle.close();
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : 'cannot be read';
    throw new LexerError('file-unreadable', `The file ${filePath} ${why}.`, {
      hint: 'Check the path and that you have permission to read the file.',
      cause,
    });
  }
  if (!stats.isFile()) {
    throw new LexerError('file-unreadable', `${filePath} is not a regular file.`, { hint: 'Choose a file, not a folder.' });
  }
  if (stats.size === 0) {
    throw new LexerError('file-empty', `The file ${filePath} is empty (0 bytes), so there is nothing to upload.`, {
      hint: 'Check you picked the right file, or export it again.',
    });
  }
  return { bytes: stats.size, mtimeMs: stats.mtimeMs };
}

/** Checks a file can go as the body of one PUT before any request: readable, not empty, within the S3 limit. */
export async function checkUploadableFile(filePath: string): Promise<{ bytes: number; mtimeMs: number }> {
  const stats = await checkReadableFile(filePath);
  if (stats.bytes > MAX_UPLOAD_BYTES) {
    throw new LexerError(
      'file-too-large',
      `The file ${filePath} is ${stats.bytes.toLocaleString('en-US')} bytes, over Lexer's limit of ${LIMIT_WORDS} for one upload.`,
      { hint: 'Split it into smaller files (gzipped NDJSON is welcome) and upload each one.' },
    );
  }
  return stats;
}
