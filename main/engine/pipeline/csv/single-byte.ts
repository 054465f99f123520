/**
 * Which single-byte encoding reads a line that is not UTF-8. Windows-1252 and Mac Roman give
 * every byte from 0x80 up a different character, so the same bytes read as "José" in one and
 * "JosŽ" in the other; only one of them is what was typed. A reading is wrong when it needs a
 * byte the encoding leaves undefined (Windows-1252 has five) or when it puts characters where no
 * word has them: a capital letter straight after a small one ("JosŽ", "ZoË"), or a symbol
 * between two letters ("M¸ller"), an apostrophe aside ("O’Brien"). Names and addresses, what
 * customer files hold, make the right reading plain in a line or two.
 */
import { isUtf8 } from 'node:buffer';
import { iconvLite } from './lazy-iconv.js';
import { forEachLine } from './physical-lines.js';
import { encodingLabel, iconvName, SINGLE_BYTE_CANDIDATES, undefinedBytes, type SingleByteEncoding } from './text-encodings.js';

export type { SingleByteEncoding };

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
// Letters of words; modifier letters (ˆ ˜ ˇ, Lm) are accents standing alone, not letters.
const LETTER = /[\p{Lu}\p{Ll}\p{Lt}\p{Lo}]/u;
// Between two letters these are part of a word: O’Brien, D´Angelo, l·l (Catalan), co–op.
const IN_WORD = new Set(['\u2019', '\u2018', '\u00b4', '`', '\u00b7', '\u2013', '\u00ad', '\u00a0']);

/** Whether a character decoded from a byte of 0x80 and up sits where no word has it. */
function misplaced(text: string, i: number): boolean {
  const c = text.charAt(i);
  const code = c.charCodeAt(0);
  if (code === 0xfffd || (code >= 0x80 && code <= 0x9f)) return true;
  const before = text.charAt(i - 1);
  const after = text.charAt(i + 1);
  if (UPPER.test(c)) return before !== '' && LOWER.test(before);
  // A small letter straight before a capital: "ƒLODIE", "OíBrien".
  if (LOWER.test(c)) return after !== '' && UPPER.test(after);
  if (LETTER.test(c) || IN_WORD.has(c)) return false;
  return before !== '' && LETTER.test(before) && LETTER.test(after);
}

/** The line's text in `encoding`, or null when it needs a byte the encoding leaves undefined. */
function decoded(line: Uint8Array, encoding: SingleByteEncoding): string | null {
  const holes = undefinedBytes(encoding);
  for (const byte of line) if (byte >= 0x80 && holes.includes(byte)) return null;
  return iconvLite().decode(Buffer.from(line.buffer, line.byteOffset, line.byteLength), iconvName(encoding));
}

/** How many of the line's bytes from 0x80 up `text` (its reading) makes letters inside words; null when one is misplaced. */
function letters(line: Uint8Array, text: string): number | null {
  let count = 0;
  // Single-byte: character i of the text is byte i of the line.
  for (let i = 0; i < line.length; i++) {
    if ((line[i] ?? 0) < 0x80) continue;
    if (misplaced(text, i)) return null;
    // A letter inside a word is evidence; one standing alone ("à", or "ñ" for a dash) is not.
    if (LETTER.test(text.charAt(i)) && (LETTER.test(text.charAt(i - 1)) || LETTER.test(text.charAt(i + 1)))) count += 1;
  }
  return count;
}

/** How `encoding` reads a line: null when it does not read it right, else how many of its bytes from 0x80 up are letters in words. */
function reading(line: Uint8Array, encoding: SingleByteEncoding): number | null {
  const text = decoded(line, encoding);
  return text === null ? null : letters(line, text);
}

/** The line's text in `encoding` when it reads the line right (see the file's comment), else null. */
export function readLine(line: Uint8Array, encoding: SingleByteEncoding): string | null {
  const text = decoded(line, encoding);
  return text !== null && letters(line, text) !== null ? text : null;
}

/** The single-byte encodings that read the line right, most common first. */
export function readersOf(line: Uint8Array): SingleByteEncoding[] {
  return SINGLE_BYTE_CANDIDATES.filter((encoding) => reading(line, encoding) !== null);
}

/** The fallback for lines that are not UTF-8, or the lines no single encoding reads. */
export type FallbackChoice =
  | { ok: true; fallback: SingleByteEncoding; /** How many lines that are not UTF-8 decided it (0: none seen, Windows-1252 assumed). */ evidence: number }
  | { ok: false; /** 1-based lines each candidate does not read, the first few of each. */ unread: ReadonlyMap<SingleByteEncoding, number[]> };

/**
 * Decides the encoding of the lines of `bytes` that are not UTF-8: the first candidate that reads
 * every one of them right; Windows-1252 when there are none (the common case, checked again line
 * by line as the rest of the file is read). `firstLine` is the 1-based number of the first line.
 */
export function chooseFallback(bytes: Uint8Array, firstLine = 1): FallbackChoice {
  const unread = new Map<SingleByteEncoding, number[]>(SINGLE_BYTE_CANDIDATES.map((e) => [e, []]));
  const letters = new Map<SingleByteEncoding, number>(SINGLE_BYTE_CANDIDATES.map((e) => [e, 0]));
  let evidence = 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return { ok: true, fallback: 'windows-1252', evidence };
  forEachLine(buf, (start, end, _next, line) => {
    const content = buf.subarray(start, end);
    if (isUtf8(content)) return;
    evidence += 1;
    for (const encoding of SINGLE_BYTE_CANDIDATES) {
      const read = reading(content, encoding);
      const list = unread.get(encoding) as number[];
      if (read === null) {
        if (list.length < 5) list.push(firstLine + line);
        unread.set(encoding, list);
        letters.set(encoding, -Infinity);
      } else {
        letters.set(encoding, (letters.get(encoding) ?? 0) + read);
      }
    }
  });
  // Of the encodings that read every line, the one that reads most of their bytes as letters
  // ("Ñandú" in Mac Roman reads as "„andœ" in Windows-1252: one letter fewer); ties go to the commoner.
  let best: SingleByteEncoding | null = null;
  for (const encoding of SINGLE_BYTE_CANDIDATES) {
    const score = letters.get(encoding) ?? -Infinity;
    if (score !== -Infinity && (best === null || score > (letters.get(best) ?? -Infinity))) best = encoding;
  }
  return best ? { ok: true, fallback: best, evidence } : { ok: false, unread };
}

/** "lines 2 and 5 do not read as Windows-1252 (...); line 7 not as Mac Roman", for a refusal. */
export function unreadText(unread: ReadonlyMap<SingleByteEncoding, number[]>): string {
  return [...unread.entries()]
    .filter(([, lines]) => lines.length > 0)
    .map(([encoding, lines]) => `${lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`} ${lines.length === 1 ? 'does' : 'do'} not read as ${encodingLabel(encoding)}`)
    .join('; ');
}
