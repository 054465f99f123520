/**
 * Decodes CSV bytes that have no byte-order mark. Exports are UTF-8, or Windows-1252 from older
 * Windows setups, and sometimes both: a UTF-8 file with a few lines pasted from a Windows-1252
 * source. Decoding the whole file as Windows-1252 would turn every correct accent into mojibake
 * ("Zoë" -> "ZoÃ«"), so each line is read as UTF-8 when it is valid UTF-8, and as Windows-1252
 * only when it is not; the lines that needed the fallback are named.
 */
import { isUtf8 } from 'node:buffer';
import { iconvLite } from './lazy-iconv.js';

// ignoreBOM: a U+FEFF at the start of a chunk is data, not a mark to drop.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface DecodedText {
  text: string;
  /** 0-based physical lines (LF, CRLF or lone CR) read as Windows-1252. */
  fallbackLines: number[];
  /** Whether some line had valid non-ASCII UTF-8 (so the file is not simply Windows-1252). */
  utf8NonAscii: boolean;
}

/** Decodes `bytes` (whole lines) line by line: UTF-8 where valid, Windows-1252 where not. */
export function decodeMixed(bytes: Uint8Array): DecodedText {
  try {
    const text = strict.decode(bytes);
    return { text, fallbackLines: [], utf8NonAscii: text.length !== bytes.length };
  } catch {
    return decodeByLine(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
}

function decodeByLine(buf: Buffer): DecodedText {
  const parts: string[] = [];
  const fallbackLines: number[] = [];
  let utf8NonAscii = false;
  // Start of the run of UTF-8 lines not yet decoded: they are decoded in one piece.
  let run = 0;
  const flush = (end: number): void => {
    if (end <= run) return;
    const text = buf.toString('utf8', run, end);
    if (text.length !== end - run) utf8NonAscii = true;
    parts.push(text);
  };
  let nextLf = buf.indexOf(0x0a);
  let nextCr = buf.indexOf(0x0d);
  for (let start = 0, line = 0; start < buf.length; line += 1) {
    if (nextLf !== -1 && nextLf < start) nextLf = buf.indexOf(0x0a, start);
    if (nextCr !== -1 && nextCr < start) nextCr = buf.indexOf(0x0d, start);
    const end = nextLf === -1 ? (nextCr === -1 ? buf.length : nextCr) : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    const next = end === buf.length ? end : end + (buf[end] === 0x0d && buf[end + 1] === 0x0a ? 2 : 1);
    if (!isUtf8(buf.subarray(start, end))) {
      flush(start);
      parts.push(iconvLite().decode(buf.subarray(start, next), 'windows-1252'));
      fallbackLines.push(line);
      run = next;
    }
    start = next;
  }
  flush(buf.length);
  return { text: parts.join(''), fallbackLines, utf8NonAscii };
}

/** How a whole conversion's bytes were read, in words ('UTF-8', 'Windows-1252', 'UTF-8 and Windows-1252'). */
export function encodingName(fallbackLines: number, utf8NonAscii: boolean): string {
  if (fallbackLines === 0) return 'UTF-8';
  return utf8NonAscii ? 'UTF-8 and Windows-1252' : 'Windows-1252';
}
