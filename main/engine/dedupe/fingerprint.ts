import { createHash } from 'node:crypto';
import { diskBytes, type FileBytes } from './file-bytes.js';

/** Bytes hashed at each end: enough to tell exports apart, cheap on a 5 GB file (2 MiB read). */
export const FINGERPRINT_SPAN = 1024 * 1024;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A cheap fingerprint of a file's content: its size and the sha256 of its first and last MiB,
 * as `fp1:<size>:<head>:<tail>`. Same content under any name gives the same fingerprint; two
 * fingerprints that differ mean different content. Equal ones only make a candidate: the full
 * sha256 decides (a byte changed in the middle keeps the fingerprint).
 */
export async function fingerprintFile(path: string, bytes: FileBytes = diskBytes): Promise<string> {
  const size = await bytes.size(path);
  const head = await bytes.range(path, 0, Math.min(size, FINGERPRINT_SPAN));
  const tail = size <= FINGERPRINT_SPAN ? head : await bytes.range(path, size - FINGERPRINT_SPAN, FINGERPRINT_SPAN);
  return `fp1:${size}:${sha256(head)}:${sha256(tail)}`;
}

/** The sha256 (hex) of a whole file, streamed. */
export async function sha256File(path: string, bytes: FileBytes = diskBytes): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of bytes.stream(path)) hash.update(chunk);
  return hash.digest('hex');
}
