/**
 * Cuts a byte stream into batches that end at a line break, so each batch can be checked on its
 * own (the caller numbers lines by adding up each batch's line count, in order).
 */
import { LexerError } from '../../errors.js';
import type { LineBatch } from './types.js';

/**
 * Target batch size: big enough that posting to a worker is cheap, small enough that a batch's
 * strings die young (measured: 1 MiB batches cost ~40 MB more peak RSS than 256 KiB ones).
 */
export const BATCH_BYTES = 256 * 1024;

const NEWLINE = 0x0a;
// Leading blank space beyond this is not worth holding back for the '[' test.
const HEAD_LIMIT = 64 * 1024;

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (const byte of bytes.subarray(0, HEAD_LIMIT)) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return byte;
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

const isUtf16 = (head: Buffer): boolean => (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);

/** Batches of whole lines from `chunks`; drops a UTF-8 BOM; throws on a JSON array or UTF-16 file. */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array>, batchBytes = BATCH_BYTES): AsyncGenerator<LineBatch> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;

  const cut = (final: boolean): LineBatch | null => {
    // One copy into one contiguous buffer that the batch owns (posted to a worker as is).
    const whole = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      whole.set(part, at);
      at += part.length;
    }
    const end = final ? whole.length : whole.lastIndexOf(NEWLINE) + 1;
    if (end === 0) return null;
    pending = end < whole.length ? [whole.slice(end)] : [];
    pendingBytes = whole.length - end;
    return { bytes: end < whole.length ? whole.subarray(0, end) : whole };
  };

  // The head of the file, held until we can tell a BOM and whether the data starts with '['.
  let head: Buffer | null = Buffer.alloc(0);
  const body = (bytes: Buffer) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);

  for await (const raw of chunks) {
    let chunk: Uint8Array = raw;
    if (head !== null) {
      head = Buffer.concat([head, raw]);
      const first = firstNonSpace(body(head));
      if ((head.length < 3 || first === undefined) && head.length < HEAD_LIMIT) continue;
      if (isUtf16(head)) throw utf16Error();
      if (first === 0x5b) throw jsonArrayError();
      chunk = body(head);
      head = null;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    // Only cut when this chunk ends a line: a very long line is gathered without re-copying.
    if (pendingBytes >= batchBytes && chunk.lastIndexOf(NEWLINE) !== -1) {
      const batch = cut(false);
      if (batch) yield batch;
    }
  }
  if (head !== null) {
    if (isUtf16(head)) throw utf16Error();
    if (firstNonSpace(body(head)) === 0x5b) throw jsonArrayError();
    pending.push(body(head));
    pendingBytes += body(head).length;
  }
  if (pendingBytes > 0) {
    const batch = cut(true);
    if (batch) yield batch;
  }
}
