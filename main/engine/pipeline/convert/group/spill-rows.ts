/**
 * Grouping rows into orders, first step: a chunk of whole CSV rows is parsed and each row is
 * written as one spill line into the partition its order's key hashes to, so every line of an
 * order lands in the same partition wherever it is in the file. Records are built later, one
 * partition at a time (build-orders.ts). A spill line:
 *
 *   <hash, 8 hex digits> TAB <the key as JSON> TAB [<chunk line>, [<cells>]]            a row
 *   <hash, 8 hex digits> TAB <the key as JSON> TAB [<chunk line>, null, <rule>, <message>]   a broken row
 *
 * The key's JSON holds no raw tab (JSON escapes it), so the tabs split a line without parsing
 * it; the hash travels with the line, so a partition too big for memory is split again by the
 * next bits of it (order-partitions.ts). Lines count from the chunk's start; the partition store
 * writes the chunk's first line before its rows (`@<line>`).
 */
import { emptyResult, forEachChunkRow, type ChunkConfig, type ChunkResult } from '../process-csv-chunk.js';

/** FNV-1a over the key's UTF-16 code units: fast, and spreads order numbers evenly. */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The hash as the 8 hex digits a spill line starts with. */
export function hashHex(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}

/** The hash a spill line starts with. */
export function lineHash(line: string): number {
  return Number.parseInt(line.slice(0, 8), 16) >>> 0;
}

/** Parses a chunk and spreads its rows over `config.group.partitions` runs of spill lines. */
export function spillCsvChunk(text: string, config: ChunkConfig): ChunkResult {
  const group = config.group;
  if (!group) throw new Error('spillCsvChunk needs a group column');
  const result = emptyResult();
  const runs: string[] = Array.from({ length: group.partitions }, () => '');
  const mask = group.partitions - 1;
  forEachChunkRow(text, config, result, (cells, start, shape) => {
    const key = cells[group.column] ?? '';
    const hash = keyHash(key);
    const payload = shape ? [start, null, shape.rule, shape.message] : [start, cells];
    // Partitions are a power of two: the low bits pick one, the next bits are left for splitting again.
    runs[hash & mask] += `${hashHex(hash)}\t${JSON.stringify(key)}\t${JSON.stringify(payload)}\n`;
  });
  if (text === '' || text === config.newline) return result; // no rows: nothing spilled
  const encoded = runs.map((run) => Buffer.from(run, 'utf8'));
  const bytes = new Uint8Array(encoded.reduce((n, b) => n + b.length, 0));
  const ends: number[] = [];
  let at = 0;
  for (const run of encoded) {
    bytes.set(run, at);
    at += run.length;
    ends.push(at);
  }
  result.spill = { bytes, ends };
  return result;
}
