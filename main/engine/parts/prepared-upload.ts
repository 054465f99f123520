/**
 * What is sent for one file (main/engine/parts/prepare-upload.ts makes it), and the plain case that
 * needs none of that module's work: a file sent as it is.
 */
import type { ContentHash } from '../dedupe/content-hash.js';

export interface PreparedPart {
  /** 1-based. */
  index: number;
  count: number;
  /** The name to send (`customers-part01of03-20261129-v1.ndjson.gz`; the whole name when one part). */
  filename: string;
  path: string;
  bytes: number;
}

export interface PreparedUpload {
  parts: PreparedPart[];
  /** Whether what is sent was compressed here. */
  compressed: boolean;
  sourceBytes: number;
  /**
   * The content hash of the source's bytes, from the same read that compressed or split it; null
   * when the file is sent as it is (then hash it while sending it: still one read).
   */
  contentHash: ContentHash | null;
  /** Bytes sent, all parts together. */
  sentBytes: number;
  /** Removes the temporary copies (after the upload has ended, either way). */
  dispose(): Promise<void>;
}

/** A file sent as it is: one part, the file itself, nothing to remove afterwards. */
export function sentAsIs(path: string, filename: string, bytes: number): PreparedUpload {
  return { parts: [{ index: 1, count: 1, filename, path, bytes }], compressed: false, sourceBytes: bytes, contentHash: null, sentBytes: bytes, dispose: async () => {} };
}
