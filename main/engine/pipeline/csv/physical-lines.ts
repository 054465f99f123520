/** The physical lines of CSV bytes, as editors count them. */

/**
 * Calls `each` for every physical line of `buf` (LF, CRLF or a lone CR ends one): its start, the
 * end of its text and where the next line starts. Stops when `each` returns false.
 */
export function forEachLine(buf: Buffer, each: (start: number, end: number, next: number, line: number) => boolean | void): void {
  let nextLf = buf.indexOf(0x0a);
  let nextCr = buf.indexOf(0x0d);
  for (let start = 0, line = 0; start < buf.length; line += 1) {
    if (nextLf !== -1 && nextLf < start) nextLf = buf.indexOf(0x0a, start);
    if (nextCr !== -1 && nextCr < start) nextCr = buf.indexOf(0x0d, start);
    const end = nextLf === -1 ? (nextCr === -1 ? buf.length : nextCr) : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    const next = end === buf.length ? end : end + (buf[end] === 0x0d && buf[end + 1] === 0x0a ? 2 : 1);
    if (each(start, end, next, line) === false) return;
    start = next;
  }
}

/** Counts physical lines (LF, CRLF, lone CR) over successive pieces of bytes, to name a line. */
export class LineCounter {
  /** Line breaks counted so far. */
  breaks = 0;
  private afterCr = false;

  /** Counts the breaks in `bytes` up to `end`. */
  add(bytes: Uint8Array, end = bytes.length): void {
    for (let i = 0; i < end; i++) {
      const b = bytes[i];
      if (b === 0x0d || (b === 0x0a && !this.afterCr)) this.breaks += 1;
      this.afterCr = b === 0x0d;
    }
  }
}
