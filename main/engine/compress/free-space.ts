import { statfs } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { LexerError } from '../errors.js';
import { readHead } from '../io/read-head.js';

/** Compressing the first MiB tells the ratio well enough: exports repeat the same shape row after row. */
const SAMPLE_BYTES = 1024 * 1024;
/** Left free beyond the estimate, so a full disk does not break the system or the app's history. */
const RESERVE_BYTES = 64 * 1024 * 1024;
/** The estimate is raised by this share: the sample may compress better than the rest of the file. */
const SAFETY = 1.25;

const megabytes = (bytes: number): string => `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/**
 * About how many bytes `path` (of `size` bytes) takes gzipped at `level`: the ratio of its first
 * MiB, with a margin, never more than deflate's worst case (stored blocks: the size plus 0.1 %).
 */
export async function estimateGzipBytes(path: string, size: number, level: number): Promise<number> {
  const { bytes } = await readHead(path, SAMPLE_BYTES);
  if (bytes.length === 0) return 64;
  const ratio = deflateRawSync(bytes, { level }).length / bytes.length;
  return Math.min(gzipWorstCase(size), Math.ceil(size * ratio * SAFETY) + 64 * 1024);
}

/** The most `size` bytes can take gzipped (stored blocks: the size plus 0.1 %, and the framing). */
export function gzipWorstCase(size: number): number {
  return size + Math.ceil(size / 1000) + 64 * 1024;
}

/** Bytes free for this user in the file system holding `dir`; null where the system cannot say. */
export async function freeBytes(dir: string): Promise<number | null> {
  try {
    const info = await statfs(dir);
    return info.bavail * info.bsize;
  } catch {
    return null;
  }
}

/**
 * Refuses to start writing `needed` bytes into `dir` when the disk cannot hold them (plus a
 * reserve), with a message that says how much is needed and how much is free. `what` names the
 * work, e.g. "compress customers.ndjson". `needed` may be an estimate, taken only when the disk
 * could not hold its worst case (`atMost`) anyway: on a roomy disk that work is skipped.
 */
export async function ensureFreeSpace(dir: string, needed: number | { atMost: number; estimate: () => Promise<number> }, what: string): Promise<void> {
  const free = await freeBytes(dir);
  if (free === null || free >= (typeof needed === 'number' ? needed : needed.atMost) + RESERVE_BYTES) return;
  if (typeof needed !== 'number') return ensureFreeSpace(dir, Math.ceil(await needed.estimate()), what);
  throw new LexerError('disk-full', `Not enough free space to ${what}: it needs about ${megabytes(needed + RESERVE_BYTES)} in ${dir}, and ${megabytes(free)} is free.`, {
    hint: 'Free some space on that disk (or choose another temporary folder) and try again, or send the file without compression.',
  });
}

/** The error for a disk that filled up while writing (another program took the space meanwhile); `activity` e.g. "compressing a.ndjson". */
export function diskFullWhileWriting(dir: string, activity: string, cause: unknown): LexerError {
  return new LexerError('disk-full', `The disk holding ${dir} filled up while ${activity}; nothing was sent.`, {
    hint: 'Free some space on that disk and try again, or send the file without compression.',
    cause,
  });
}
