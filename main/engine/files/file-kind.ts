/**
 * A file's kind from its name, shared by main (the card's real inspection) and the renderer (a
 * card for a file main never saw, e.g. one refused before it was copied). `.gz` is gzip whatever
 * is inside; `.jsonl` is NDJSON by another name.
 */
/** What a file holds, as far as its name says. */
export type FileKind = 'csv' | 'ndjson' | 'json' | 'gzip' | 'other';

/** The kind a file name says. */
export function fileKind(name: string): FileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.gz')) return 'gzip';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return 'other';
}
