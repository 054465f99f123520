/**
 * Decodes CSV bytes that have no byte-order mark. Exports are UTF-8, or a single-byte encoding
 * from older systems (Windows-1252 on Windows, Mac Roman on old Macs), and sometimes both: a
 * UTF-8 file with a few lines pasted from elsewhere. Decoding the whole file as Windows-1252
 * would turn every correct accent into mojibake ("Zoë" -> "ZoÃ«"), so each line is read as UTF-8
 * when it is valid UTF-8, and in the file's single-byte encoding only when it is not; those lines
 * are named. Which single-byte encoding is decided from the lines themselves (single-byte.ts),
 * never by emitting U+FFFD for a byte some common encoding reads.
 */
import { isUtf8 } from 'node:buffer';
import { forEachLine } from './physical-lines.js';
import { readersOf, readLine } from './single-byte.js';
import { iconvLite } from './lazy-iconv.js';
import { encodingLabel, iconvName, type SingleByteEncoding } from './text-encodings.js';

// ignoreBOM: a U+FEFF at the start of a chunk is data, not a mark to drop.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A line that is not UTF-8 and that the fallback does not read right, with the encodings that do. */
export interface UnreadLine {
  /** 0-based physical line. */
  line: number;
  readers: SingleByteEncoding[];
}

export interface DecodedText {
  text: string;
  /** 0-based physical lines (LF, CRLF or lone CR) read in the fallback encoding. */
  fallbackLines: number[];
  /** Whether some line had valid non-ASCII UTF-8 (so the file is not simply single-byte). */
  utf8NonAscii: boolean;
  /** The first line the fallback does not read right (or any line not UTF-8 when there is no fallback), else null. */
  unread: UnreadLine | null;
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Decodes `bytes` (whole lines) line by line: UTF-8 where valid, `fallback` where not. With no
 * fallback (the person said the file is UTF-8), a line that is not UTF-8 is `unread`.
 */
export function decodeMixed(bytes: Uint8Array, fallback: SingleByteEncoding | null = 'windows-1252'): DecodedText {
  try {
    const text = strict.decode(bytes);
    return { text, fallbackLines: [], utf8NonAscii: text.length !== bytes.length, unread: null };
  } catch {
    return decodeByLine(asBuffer(bytes), fallback);
  }
}

function decodeByLine(buf: Buffer, fallback: SingleByteEncoding | null): DecodedText {
  const parts: string[] = [];
  const fallbackLines: number[] = [];
  let utf8NonAscii = false;
  let unread: UnreadLine | null = null;
  // Start of the run of UTF-8 lines not yet decoded: they are decoded in one piece.
  let run = 0;
  const flush = (end: number): void => {
    if (end <= run) return;
    const text = buf.toString('utf8', run, end);
    if (text.length !== end - run) utf8NonAscii = true;
    parts.push(text);
  };
  forEachLine(buf, (start, end, next, line) => {
    const content = buf.subarray(start, end);
    if (isUtf8(content)) return;
    flush(start);
    let text = fallback === null ? null : readLine(content, fallback);
    if (text === null) {
      unread ??= { line, readers: readersOf(content) };
      // Never written (the conversion stops on it), but shown without U+FFFD: Mac Roman defines every byte.
      text = iconvLite().decode(content, iconvName('mac-roman'));
    }
    // The line break is ASCII in every encoding.
    parts.push(text, buf.toString('latin1', end, next));
    fallbackLines.push(line);
    run = next;
  });
  flush(buf.length);
  return { text: parts.join(''), fallbackLines, utf8NonAscii, unread };
}

/** How a whole conversion's bytes were read, in words ('UTF-8', 'Windows-1252', 'UTF-8 and Mac Roman'). */
export function encodingName(fallbackLines: number, utf8NonAscii: boolean, fallback: SingleByteEncoding = 'windows-1252'): string {
  if (fallbackLines === 0) return 'UTF-8';
  return utf8NonAscii ? `UTF-8 and ${encodingLabel(fallback)}` : encodingLabel(fallback);
}
