/**
 * Encoding detection for CSV exports. Excel writes UTF-8 with a BOM ("CSV UTF-8"), UTF-16 LE
 * with a BOM ("Unicode text") or, on older Windows setups, Windows-1252 without any marker; a
 * byte-order mark is the only reliable signal, so anything without one is tried as strict UTF-8
 * and falls back to Windows-1252 when the bytes cannot be UTF-8.
 */
export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DetectedEncoding {
  /** A name iconv-lite accepts. */
  encoding: CsvEncoding;
  /** Length in bytes of the byte-order mark at the start (0 when none). */
  bomLength: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Detects the encoding of a file from its first bytes; `complete` says whether `head` is the whole file. */
export function detectEncoding(head: Uint8Array, complete: boolean): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'UTF-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'UTF-16LE', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'UTF-16BE', bomLength: 2 };
  return { encoding: isUtf8(complete ? head : cutAtLastNewline(head)) ? 'UTF-8' : 'Windows-1252', bomLength: 0 };
}

/** Whether the bytes decode as strict UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The head of a file may end in the middle of a multibyte character; a newline byte (0x0A) is
 * never part of a UTF-8 multibyte sequence, so everything up to the last one is safe to test.
 * Without a newline, drop up to three trailing bytes that start an unfinished sequence.
 */
function cutAtLastNewline(head: Uint8Array): Uint8Array {
  const newline = head.lastIndexOf(0x0a);
  if (newline >= 0) return head.subarray(0, newline + 1);
  const end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = head[end - back] ?? 0;
    if (byte >= 0xc0) return head.subarray(0, end - back); // lead byte of a cut sequence
    if (byte < 0x80) break;
  }
  return head.subarray(0, end);
}
