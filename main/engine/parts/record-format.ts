import iconv from 'iconv-lite';
import { findRowEnd } from '../io/row-boundary.js';

/**
 * Where records end, for cutting a file into parts. Blocks always start at a record start.
 * `lastEnd` reads the bytes the splitter scans (the file's bytes, or UTF-8 for a UTF-16 CSV);
 * `halve` cuts a block as it will be sent, when one block alone is larger than a part.
 */
export interface RecordFormat {
  /** Index just after the last complete record in `scan`, -1 when none is complete. */
  lastEnd(scan: Uint8Array): number;
  /** `block` cut at the record boundary nearest its middle; null when it holds a single record. */
  halve(block: Uint8Array): [Uint8Array, Uint8Array] | null;
}

const NEWLINE = 0x0a;

/** The cut nearest the middle, given finders for the last end before a point and the first end. */
function middleCut(length: number, lastBefore: (mid: number) => number, first: () => number): number | null {
  const mid = Math.floor(length / 2);
  let cut = lastBefore(mid);
  if (cut <= 0) cut = first();
  return cut > 0 && cut < length ? cut : null;
}

/** NDJSON: every line feed ends a record (JSON strings cannot hold a raw newline). */
export const ndjsonFormat: RecordFormat = {
  lastEnd: (scan) => {
    const at = scan.lastIndexOf(NEWLINE);
    return at < 0 ? -1 : at + 1;
  },
  halve(block) {
    const cut = middleCut(block.length, (mid) => block.lastIndexOf(NEWLINE, mid - 1) + 1, () => block.indexOf(NEWLINE) + 1);
    return cut === null ? null : [block.subarray(0, cut), block.subarray(cut)];
  },
};

/**
 * CSV rows, read as papaparse does (row-boundary.ts): a newline inside a quoted cell does not end
 * a row. UTF-8 and Windows-1252 are cut as bytes (quotes, delimiters and newlines are ASCII there
 * and never part of another character); UTF-16 is decoded to cut it, then encoded again.
 */
export function csvFormat(delimiter: string, newline: string, encoding: string): RecordFormat {
  const lastEnd = (scan: Uint8Array): number => findRowEnd(scan, delimiter, newline, 'last');
  if (encoding === 'UTF-8' || encoding === 'Windows-1252') {
    return {
      lastEnd,
      halve(block) {
        const cut = middleCut(block.length, (mid) => findRowEnd(block.subarray(0, mid), delimiter, newline, 'last'), () => findRowEnd(block, delimiter, newline, 'first'));
        return cut === null ? null : [block.subarray(0, cut), block.subarray(cut)];
      },
    };
  }
  return {
    lastEnd,
    halve(block) {
      const text = iconv.decode(Buffer.from(block.buffer, block.byteOffset, block.byteLength), encoding, { stripBOM: false });
      const cut = middleCut(text.length, (mid) => findRowEnd(text.slice(0, mid), delimiter, newline, 'last'), () => findRowEnd(text, delimiter, newline, 'first'));
      return cut === null ? null : [iconv.encode(text.slice(0, cut), encoding), iconv.encode(text.slice(cut), encoding)];
    },
  };
}
