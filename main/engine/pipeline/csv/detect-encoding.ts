/**
 * Encoding detection for CSV exports. Excel writes UTF-8 with a BOM ("CSV UTF-8"), UTF-16 LE
 * with a BOM ("Unicode text") or, on older Windows setups, Windows-1252 without any marker. A
 * byte-order mark is the only reliable signal: a file without one is read line by line as
 * UTF-8, falling back to Windows-1252 for the lines that are not UTF-8 (mixed-decode.ts).
 */
export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

export interface DetectedEncoding {
  /** A name iconv-lite accepts; 'UTF-8' without a BOM means UTF-8 with a per-line fallback. */
  encoding: CsvEncoding;
  /** Length in bytes of the byte-order mark at the start (0 when none). */
  bomLength: number;
}

/** Detects the encoding of a file from its byte-order mark. */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'UTF-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'UTF-16LE', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'UTF-16BE', bomLength: 2 };
  return { encoding: 'UTF-8', bomLength: 0 };
}
