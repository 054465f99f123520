/**
 * The content identity the duplicate guard compares: XXH3-128 of a file's bytes, taken in the
 * read that compresses, cuts or sends it. It needs to tell contents apart, not resist someone
 * forging a collision, and at several GB/s it costs a fraction of the sha256 it replaces (which
 * was most of an uncompressed upload's CPU beside curl). History entries written before it keep
 * a sha256 (`sourceSha256`): that is computed only when such an entry's fingerprint matches.
 */
import { createHash } from 'node:crypto';
import hashWasm from 'hash-wasm/dist/xxhash128.umd.min.js';
import { diskBytes, type FileBytes } from './file-bytes.js';

/** The algorithm new History entries record. */
export const CONTENT_HASH_ALGORITHM = 'xxh3-128';

/** A content hash and the algorithm it was made with (hex, lower case). */
export interface ContentHash {
  readonly algorithm: typeof CONTENT_HASH_ALGORITHM;
  readonly value: string;
}

/** Fed a file's bytes in order; `digest` once at the end. */
export interface ContentHasher {
  update(bytes: Uint8Array): void;
  digest(): ContentHash;
}

/**
 * A fresh hasher. The first one compiles the WebAssembly (tens of ms on a busy machine); later
 * ones reuse it. {@link warmContentHasher} starts that early, beside other work.
 */
export async function createContentHasher(): Promise<ContentHasher> {
  const hasher = await hashWasm.createXXHash128();
  return {
    update: (bytes) => void hasher.update(bytes),
    digest: () => ({ algorithm: CONTENT_HASH_ALGORITHM, value: hasher.digest('hex') }),
  };
}

let warming: Promise<unknown> | null = null;

/** Compiles the hasher now, so the read that needs it does not wait; never rejects. */
export function warmContentHasher(): void {
  warming ??= createContentHasher().catch(() => undefined);
}

/** How an entry's content hash reads in History's run log and export: `xxh3-128:…` or `sha256:…`. */
export function describeContentHash(entry: { contentHash?: ContentHash; sourceSha256?: string }): string | null {
  if (entry.contentHash) return `${entry.contentHash.algorithm}:${entry.contentHash.value}`;
  return entry.sourceSha256 ? `sha256:${entry.sourceSha256}` : null;
}

/** The hashes of a whole file asked for, in one read: the content hash, and the sha256 older History entries kept. */
export async function hashFile(path: string, want: { contentHash: boolean; sha256: boolean }, bytes: FileBytes = diskBytes): Promise<{ contentHash: ContentHash | null; sha256: string | null }> {
  const hasher = want.contentHash ? await createContentHasher() : null;
  const sha256 = want.sha256 ? createHash('sha256') : null;
  for await (const chunk of bytes.stream(path)) {
    hasher?.update(chunk);
    sha256?.update(chunk);
  }
  return { contentHash: hasher?.digest() ?? null, sha256: sha256?.digest('hex') ?? null };
}
