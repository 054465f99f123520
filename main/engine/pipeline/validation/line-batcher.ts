/**
 * Cuts a byte stream into batches that end at a line break, so each batch can be checked on its
 * own (the caller numbers lines by adding up each batch's line count, in order). A line ends at
 * LF, CRLF or a lone CR, as Lexer's validator reads lines (Python's universal newlines).
 */
import { LexerError } from '../../errors.js';
import type { LineBatch, OverlongLine } from './types.js';

/**
 * Target batch size: big enough that posting to a worker is cheap, small enough that a batch's
 * strings die young (measured: 1 MiB batches cost ~40 MB more peak RSS than 256 KiB ones).
 */
export const BATCH_BYTES = 256 * 1024;

/**
 * The longest line read as a record. A real record is a few KB; 16 MiB is far
 * above any, and low enough that one such line (its bytes, its text, its parsed object, on a
 * worker and here) stays inside the 200 MB validation budget. Longer lines are skipped unread.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
// Leading blank space beyond this is not worth holding back for the '[' test.
const HEAD_LIMIT = 64 * 1024;

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (const byte of bytes.subarray(0, HEAD_LIMIT)) if (byte !== 0x20 && byte !== 0x09 && byte !== LF && byte !== CR) return byte;
  return undefined;
}

/** A JSON array file is a common mix-up with NDJSON; say so once instead of an error per line. */
export function jsonArrayError(): LexerError {
  return new LexerError('not-ndjson', 'This file is a JSON array, not NDJSON (one JSON object per line).', {
    hint: 'Convert it with `lexer-upload convert`.',
  });
}

/**
 * A UTF-16 file (Windows PowerShell's `>` and Excel's "Unicode text" write one) would fail on
 * every line as invalid JSON; NDJSON is UTF-8, so say it once.
 */
export function utf16Error(): LexerError {
  return new LexerError('not-ndjson', 'This file is UTF-16 text; NDJSON must be UTF-8.', {
    hint: 'Save it again as UTF-8 (in PowerShell: Out-File -Encoding utf8), then validate it again.',
  });
}

const isUtf16 = (head: Uint8Array): boolean => (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
const afterBom = (bytes: Uint8Array): Uint8Array => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);

/**
 * Index just after the last line break of `bytes` (0 when none). A CR at the very end may be the
 * first half of a CRLF, so unless the data is `final` the line is not taken as ended there.
 */
export function lastBreakEnd(bytes: Uint8Array, final: boolean): number {
  const lf = bytes.lastIndexOf(LF);
  let cr = bytes.lastIndexOf(CR);
  if (cr === bytes.length - 1 && !final) cr = cr > 0 ? bytes.lastIndexOf(CR, cr - 1) : -1;
  return Math.max(lf, cr) + 1;
}

/** Index of the first line break (LF or CR) at or after `from`, -1 when none. */
function firstBreak(bytes: Uint8Array, from = 0): number {
  const lf = bytes.indexOf(LF, from);
  const cr = bytes.indexOf(CR, from);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

/**
 * Batches of whole lines from `chunks`, and an {@link OverlongLine} in place of each line longer
 * than `maxLineBytes` (its bytes are dropped as they arrive, so memory stays flat even on a file
 * without any line break; the length is checked after each read, so a line is caught within one
 * read of the limit). A byte-order mark is kept: it is the validator's to report. Throws on a
 * JSON array or a UTF-16 file.
 */
export async function* lineBatches(
  chunks: AsyncIterable<Uint8Array>,
  batchBytes = BATCH_BYTES,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<LineBatch | OverlongLine> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  // Where the line not yet ended starts in `pending`, and whether `pending` ends in a CR (a
  // line break, unless the next byte is the LF of a CRLF).
  let lineStart = 0;
  let endsInCr = false;
  // A line being skipped, and its bytes so far.
  let skipping = false;
  let skipped = 0;
  // A skipped line that ended in CR: an LF starting the next chunk belongs to it.
  let dropLf = false;

  const take = (end: number): LineBatch => {
    // One copy into one contiguous buffer that the batch owns (posted to a worker as is).
    const whole = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      whole.set(part, at);
      at += part.length;
    }
    pending = end < whole.length ? [whole.slice(end)] : [];
    pendingBytes = whole.length - end;
    lineStart -= end;
    return { bytes: end < whole.length ? whole.subarray(0, end) : whole };
  };

  // Adds a chunk; yields a batch of whole lines when enough has gathered, or the lines before a
  // line that has grown too long (then skips that line until its break).
  function* add(chunk: Uint8Array): Generator<LineBatch | OverlongLine> {
    let rest = chunk;
    if (dropLf && rest[0] === LF) rest = rest.subarray(1);
    dropLf = false;
    if (skipping) {
      const at = firstBreak(rest);
      if (at === -1) {
        skipped += rest.length;
        return;
      }
      yield { overlong: skipped + at };
      skipping = false;
      if (rest[at] === CR && at === rest.length - 1) dropLf = true;
      rest = rest.subarray(at + (rest[at] === CR && rest[at + 1] === LF ? 2 : 1));
    }
    if (rest.length === 0) return;
    if (endsInCr && rest[0] !== LF) lineStart = pendingBytes;
    const end = lastBreakEnd(rest, false);
    if (end > 0) lineStart = pendingBytes + end;
    endsInCr = rest[rest.length - 1] === CR;
    pending.push(rest);
    pendingBytes += rest.length;
    const open = pendingBytes - lineStart;
    if (open > maxLineBytes) {
      if (lineStart > 0) yield take(lineStart);
      pending = [];
      pendingBytes = 0;
      lineStart = 0;
      if (endsInCr) {
        // The long line ended with this read's last byte (a CR): it is over already.
        yield { overlong: open - 1 };
        dropLf = true;
        endsInCr = false;
      } else {
        skipping = true;
        skipped = open;
      }
      return;
    }
    // Only cut when a line has ended since the last cut: a long line is gathered without re-copying.
    if (pendingBytes >= batchBytes && lineStart > 0) yield take(lineStart);
  }

  // The head of the file, held until we can tell a UTF-16 mark and whether the data starts with '['.
  let head: Uint8Array | null = new Uint8Array(0);
  for await (const raw of chunks) {
    let chunk: Uint8Array = raw;
    if (head !== null) {
      head = Buffer.concat([head, raw]);
      if ((head.length < 3 || firstNonSpace(afterBom(head)) === undefined) && head.length < HEAD_LIMIT) continue;
      if (isUtf16(head)) throw utf16Error();
      if (firstNonSpace(afterBom(head)) === 0x5b) throw jsonArrayError();
      chunk = head;
      head = null;
    }
    yield* add(chunk);
  }
  if (head !== null) {
    if (isUtf16(head)) throw utf16Error();
    if (firstNonSpace(afterBom(head)) === 0x5b) throw jsonArrayError();
    yield* add(head);
  }
  if (skipping) yield { overlong: skipped };
  else if (pendingBytes > 0) yield take(pendingBytes);
}
