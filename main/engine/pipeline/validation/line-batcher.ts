/**
 * Cuts a byte stream into batches that end at a line break, so each batch can be checked on its
 * own (the caller numbers lines by adding up each batch's line count, in order). A line ends at
 * LF, CRLF or a lone CR, as Lexer's validator reads lines (Python's universal newlines).
 */
import { LexerError } from '../../errors.js';
import type { LineBatch, OverlongLine } from './types.js';
import { detectEncoding } from '../csv/detect-encoding.js';

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

function firstNonSpaceAt(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, HEAD_LIMIT);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== LF && byte !== CR) return i;
  }
  return -1;
}

/** A JSON array file is a common mix-up with NDJSON; say so once instead of an error per line. */
export function jsonArrayError(): LexerError {
  return new LexerError('not-ndjson', 'This file is a JSON array, not NDJSON (one JSON object per line).', {
    hint: 'Convert it with `lexer-upload convert`.',
  });
}

/**
 * A UTF-16 or UTF-32 file (Windows PowerShell's `>`, Excel's "Unicode text", SQL Server's `bcp -w`
 * write one, the last without a byte-order mark) would fail on every line as invalid JSON;
 * NDJSON is UTF-8, so say it once.
 */
export function wideTextError(encoding: string, marked: boolean): LexerError {
  return new LexerError('not-ndjson', `This file is ${encoding} text${marked ? '' : ' without a byte-order mark (zero bytes beside every character)'}; NDJSON must be UTF-8.`, {
    hint: '`lexer-upload convert FILE --record-type TYPE` writes a UTF-8 copy; or save it again as UTF-8 (in PowerShell: Out-File -Encoding utf8).',
  });
}

/** JSON written over several lines (`jq .`, an editor's "format") is one record per many lines, not NDJSON. */
export function prettyJsonError(): LexerError {
  return new LexerError('not-ndjson', 'This file holds JSON written over several lines (pretty-printed, as `jq .` writes it), but NDJSON needs each record whole on one line.', {
    hint: '`lexer-upload convert FILE --record-type TYPE` writes it one record per line (or run `jq -c . FILE > records.ndjson`).',
  });
}

const afterBom = (bytes: Uint8Array): Uint8Array => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);

/** What the head of an NDJSON file shows it really is: NDJSON, or a JSON array, or pretty-printed JSON. */
export type JsonLayout = 'lines' | 'array' | 'pretty';

/**
 * The layout the head shows (null: not enough of it yet). Pretty-printed JSON opens with a line
 * holding only "{"; a record on one line never does.
 */
export function jsonLayout(head: Uint8Array, final: boolean): JsonLayout | null {
  const bytes = afterBom(head);
  const at = firstNonSpaceAt(bytes);
  if (at === -1) return final || bytes.length >= HEAD_LIMIT ? 'lines' : null;
  if (bytes[at] === 0x5b) return 'array';
  if (bytes[at] !== 0x7b) return 'lines';
  const lineEnd = firstBreak(bytes, at);
  if (lineEnd === -1) return final || bytes.length >= HEAD_LIMIT ? 'lines' : null;
  return firstNonSpaceAt(bytes.subarray(at + 1, lineEnd)) === -1 ? 'pretty' : 'lines';
}

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
 * JSON array, pretty-printed JSON, or a UTF-16 or UTF-32 file.
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

  // The head of the file, held until it shows the encoding and whether the data is NDJSON at all.
  let head: Uint8Array | null = new Uint8Array(0);
  const checkHead = (bytes: Uint8Array, final: boolean): boolean => {
    // 64 bytes show UTF-16's zero bytes plainly; waiting for more would hold a slow stream's first batch back.
    if (!final && (bytes.length < 64 || jsonLayout(bytes, false) === null)) return false;
    const { encoding, bomLength } = detectEncoding(bytes);
    if (encoding !== 'UTF-8') throw wideTextError(encoding, bomLength > 0);
    const layout = jsonLayout(bytes, true);
    if (layout === 'array') throw jsonArrayError();
    if (layout === 'pretty') throw prettyJsonError();
    return true;
  };
  for await (const raw of chunks) {
    let chunk: Uint8Array = raw;
    if (head !== null) {
      head = Buffer.concat([head, raw]);
      if (!checkHead(head, false)) continue;
      chunk = head;
      head = null;
    }
    yield* add(chunk);
  }
  if (head !== null) {
    checkHead(head, true);
    yield* add(head);
  }
  if (skipping) yield { overlong: skipped };
  else if (pendingBytes > 0) yield take(pendingBytes);
}
