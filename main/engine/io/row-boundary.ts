const QUOTE = 34;

/** Decoded text, or UTF-8 bytes (delimiters, quotes and newlines are ASCII, so bytes search the same). */
export type RowText = string | Uint8Array;

type Searchable = string | Buffer;

const codeAt = (text: Searchable, index: number): number => (typeof text === 'string' ? text.charCodeAt(index) : (text[index] ?? 0));
const indexOf = (text: Searchable, value: string, from: number): number => (typeof text === 'string' ? text.indexOf(value, from) : text.indexOf(value, from));
const lastIndexOf = (text: Searchable, value: string, from: number): number => {
  if (from < 0) return -1; // Buffer.lastIndexOf would count a negative offset from the end
  return typeof text === 'string' ? text.lastIndexOf(value, from) : text.lastIndexOf(value, from);
};

/**
 * Index just after the newline that ends the first (or last) complete row of `text`, -1 when
 * no row is complete. A newline inside a quoted cell does not end a row. Follows papaparse's
 * reading: a quote opens a quoted cell only at the start of a cell, `""` inside is an escaped
 * quote, and a quote elsewhere is a literal character. `text` must start at a row start.
 * Only quotes are visited (indexOf jumps), so a file without quotes costs one lastIndexOf.
 */
export function findRowEnd(input: RowText, delimiter: string, newline: string, which: 'first' | 'last'): number {
  const text: Searchable = typeof input === 'string' || Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const delimiterCode = delimiter.charCodeAt(0);
  let boundary = -1;
  let pos = 0;
  for (;;) {
    const quote = indexOf(text, '"', pos);
    const stop = quote === -1 ? text.length : quote;
    const nl = which === 'first' ? indexOf(text, newline, pos) : lastIndexOf(text, newline, stop - 1);
    if (nl >= pos && nl < stop) {
      boundary = nl + newline.length;
      if (which === 'first') return boundary;
    }
    if (quote === -1) return boundary;
    const before = quote === 0 ? -1 : codeAt(text, quote - 1);
    if (quote !== 0 && before !== delimiterCode && before !== 10 && before !== 13) {
      pos = quote + 1; // a literal quote inside an unquoted cell
      continue;
    }
    let close = quote + 1;
    for (;;) {
      const end = indexOf(text, '"', close);
      // Unterminated, or a quote at the very end that might be the first half of "": wait for more text.
      if (end === -1 || end + 1 === text.length) return boundary;
      if (codeAt(text, end + 1) === QUOTE) {
        close = end + 2;
        continue;
      }
      pos = end + 1;
      break;
    }
  }
}
