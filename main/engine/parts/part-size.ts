import { LexerError } from '../errors.js';
import { MAX_UPLOAD_BYTES } from '../upload/preflight.js';

/** What one S3 PUT takes (FILE_UPLOAD_API.md: 5 GiB, 5,368,709,120 bytes): the default part size. */
export const MAX_PART_BYTES = MAX_UPLOAD_BYTES;
/** Smaller parts than this are a typo (`--part-size 5` meaning 5 GB), not a plan. */
export const MIN_PART_BYTES = 1000;

/**
 * Whether a file of `bytes` compresses into one part of at most `limit` whatever its content:
 * deflate's worst case adds 5 bytes per 16 KiB stored block, and 1 % covers it and the framing.
 */
export function compressesIntoOnePart(bytes: number, limit: number): boolean {
  return bytes + Math.ceil(bytes / 100) + 1024 <= limit;
}

/** Decimal units (as disks and most people count) and binary ones (as `ls -h` and S3's limit count). */
const UNITS: Readonly<Record<string, number>> = {
  b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40,
};

const FORM = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i;

/**
 * Parses a part size such as `1GB` (10^9 bytes), `500 MiB` (500·2^20), `1.5GB` or `2000000`
 * (bytes). Units: B, KB, MB, GB, TB and KiB, MiB, GiB, TiB, in any case. The size must be from
 * 1 KB to S3's 5 GiB per PUT.
 */
export function parsePartSize(text: string): number {
  const match = FORM.exec(text.trim());
  const unit = match ? UNITS[(match[2] || 'b').toLowerCase()] : undefined;
  if (!match || unit === undefined) {
    throw new LexerError('usage', `"${text}" is not a size.`, {
      hint: 'Write a number and a unit, e.g. 1GB, 500MB or 2GiB (KB, MB, GB count in thousands; KiB, MiB, GiB in 1024s).',
    });
  }
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < MIN_PART_BYTES || bytes > MAX_PART_BYTES) {
    throw new LexerError('usage', `A part size of ${text} (${bytes.toLocaleString('en-US')} bytes) is out of range.`, {
      hint: `Choose from 1KB to 5GiB (${MAX_PART_BYTES.toLocaleString('en-US')} bytes), the most one upload to S3 takes.`,
    });
  }
  return bytes;
}
