/**
 * What kind of records a file holds (so it can be cut into parts) and whether it is compressed on
 * the way by default: Lexer prefers gzipped NDJSON for bulk data ("our file preference is a
 * Gzipped NDJSON file", its Bulk write API page), while CSV and plain JSON are for Lexer staff and
 * go as they are unless the person asks.
 */
import { basename } from 'node:path';
import type { SplitFormat } from '../parts/prepare-upload.js';
import type { SendDestination } from './send-types.js';

/** How the records of the file are cut into parts; NDJSON whenever it loads into a dataset. */
export function splitFormat(names: readonly string[], destination: SendDestination | null): SplitFormat {
  if (destination) return 'ndjson';
  for (const name of names) {
    const bare = basename(name).toLowerCase().replace(/\.gz$/, '');
    if (bare.endsWith('.csv')) return 'csv';
    if (bare.endsWith('.ndjson') || bare.endsWith('.jsonl')) return 'ndjson';
  }
  return 'other';
}

/** Whether to compress on the way: as asked, else only NDJSON. */
export function wantsGzip(asked: boolean | undefined, format: SplitFormat): boolean {
  return asked ?? format === 'ndjson';
}

/** The name a compressed file is sent under: `.gz` added (`customers-20261129-v1.ndjson.gz`, still valid under the name rules). */
export function gzipName(filename: string): string {
  return /\.gz$/i.test(filename) ? filename : `${filename}.gz`;
}

/** The name a file sent uncompressed goes under: never ending `.gz`, which would tell Lexer to gunzip it. */
export function plainName(filename: string): string {
  return filename.replace(/\.gz$/i, '');
}
