import { gzipSync } from 'node:zlib';

const encoder = new TextEncoder();

/**
 * NDJSON text as bytes for the output file, gzipped when asked. Each batch becomes its own gzip
 * member: concatenated members form a valid .gz file (RFC 1952, section 2.2; zlib and gunzip
 * read them all), which lets the worker threads compress in parallel.
 */
export function encodeOutput(ndjson: string, gzip: boolean): Uint8Array {
  if (ndjson === '') return new Uint8Array(0);
  const bytes = encoder.encode(ndjson);
  return gzip ? gzipBytes(bytes) : bytes;
}

/** One gzip member holding `bytes`, in an ArrayBuffer of its own (so it can be transferred). */
export function gzipBytes(bytes: Uint8Array): Uint8Array {
  return bytes.length === 0 ? bytes : new Uint8Array(gzipSync(bytes));
}
