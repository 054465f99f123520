/**
 * Encoding detection for CSV and NDJSON exports. Excel writes UTF-8 with a BOM ("CSV UTF-8"),
 * UTF-16 LE with a BOM ("Unicode text") or, on older Windows setups, Windows-1252 without any
 * marker. SQL Server's `bcp -w` and some Windows tools write UTF-16 LE without a BOM: text whose
 * characters are mostly ASCII then has a zero byte beside every character, which no UTF-8 or
 * single-byte text has, so the pattern of zero bytes names UTF-16 (or UTF-32) as surely as a
 * BOM. A file with neither is read line by line as UTF-8, falling back to a single-byte encoding
 * for the lines that are not UTF-8 (mixed-decode.ts).
 */
export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

export interface DetectedEncoding {
  /** A name iconv-lite accepts; 'UTF-8' without a BOM means UTF-8 with a per-line fallback. */
  encoding: CsvEncoding;
  /** Length in bytes of the byte-order mark at the start (0 when none). */
  bomLength: number;
}

/** Bytes of the head the zero-byte pattern is read from. */
const SAMPLE_BYTES = 4096;

/**
 * The UTF-16 or UTF-32 encoding whose zero bytes `head` shows, or null. Each byte position in a
 * code unit (2 or 4 bytes) must be zero in at least 70% of the units or in at most 10%, and
 * the zero positions must be those ASCII text in that encoding has: 'a' is 61 00 in UTF-16LE,
 * 00 61 in UTF-16BE, 61 00 00 00 in UTF-32LE. A file of zero bytes only is none of them.
 */
export function encodingByZeros(head: Uint8Array): Exclude<CsvEncoding, 'UTF-8'> | null {
  const sample = head.subarray(0, Math.min(head.length, SAMPLE_BYTES) & ~3);
  if (sample.length < 4 || !sample.includes(0)) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros[i & 3] = (zeros[i & 3] ?? 0) + 1;
  const units = sample.length / 4;
  // 'z' where (nearly) every unit has a zero at that position, 'x' where (nearly) none has.
  const shape = zeros.map((n) => (n >= units * 0.7 ? 'z' : n <= units * 0.1 ? 'x' : '?')).join('');
  switch (shape) {
    case 'xzzz':
      return 'UTF-32LE';
    case 'zzzx':
      return 'UTF-32BE';
    case 'xzxz':
      return 'UTF-16LE';
    case 'zxzx':
      return 'UTF-16BE';
    default:
      return null;
  }
}

/** Detects the encoding of a file from its byte-order mark, else from its zero bytes (UTF-16/32 without a BOM). */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'UTF-8', bomLength: 3 };
  // UTF-32LE's mark starts with UTF-16LE's: test it first.
  if (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return { encoding: 'UTF-32LE', bomLength: 4 };
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return { encoding: 'UTF-32BE', bomLength: 4 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'UTF-16LE', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'UTF-16BE', bomLength: 2 };
  return { encoding: encodingByZeros(head) ?? 'UTF-8', bomLength: 0 };
}

/** How many head bytes detection reads. */
export const ENCODING_HEAD_BYTES = SAMPLE_BYTES;
