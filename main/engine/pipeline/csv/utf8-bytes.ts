import { createReadStream } from 'node:fs';
import { iconvLite } from './lazy-iconv.js';
import { unreadable } from '../../io/unreadable.js';
import { undefinedByteError } from './encoding-errors.js';
import { LineCounter } from './physical-lines.js';
import { firstUndefinedByte, iconvName, undefinedBytes, type TextEncoding } from './text-encodings.js';

export interface Utf8Source {
  /** Bytes read from the file so far (for progress). */
  readonly bytesRead: number;
  /** The file's content as UTF-8 bytes, without a byte-order mark. */
  chunks(): AsyncGenerator<Uint8Array>;
}

/**
 * How a file's bytes become UTF-8: passed through (UTF-8, with workers decoding any line that is
 * not UTF-8 on their own, csv/mixed-decode.ts), or decoded whole from the encoding the file's
 * mark or zero bytes show, or the person chose, and re-encoded.
 */
export type ByteReading = { kind: 'pass-through'; bomLength: number } | { kind: 'decode'; encoding: TextEncoding; bomLength: number; chosen: boolean };

/**
 * Streams a file as UTF-8 bytes in 256 KiB reads (flat memory whatever the size). A decoded
 * single-byte file is checked for bytes its encoding leaves undefined (which iconv-lite would
 * turn into U+FFFD): the first one stops the read, naming its line.
 */
export function readUtf8Bytes(path: string, how: ByteReading, signal?: AbortSignal): Utf8Source {
  let bytesRead = 0;
  return {
    get bytesRead() {
      return bytesRead;
    },
    async *chunks() {
      // iconv-lite keeps a character cut between two reads for the next one.
      const decoder = how.kind === 'pass-through' ? null : iconvLite().getDecoder(iconvName(how.encoding), { stripBOM: false });
      const counter = how.kind === 'decode' && undefinedBytes(how.encoding).length > 0 ? new LineCounter() : null;
      const stream = createReadStream(path, { highWaterMark: 256 * 1024, start: how.bomLength, signal });
      bytesRead = how.bomLength;
      try {
        for await (const piece of stream as AsyncIterable<Buffer>) {
          bytesRead += piece.length;
          if (counter && how.kind === 'decode') {
            const at = firstUndefinedByte(piece, how.encoding);
            if (at !== -1) {
              counter.add(piece, at);
              throw undefinedByteError(path, counter.breaks + 1, piece[at] ?? 0, how.encoding);
            }
            counter.add(piece);
          }
          if (!decoder) yield piece;
          else yield Buffer.from(decoder.write(piece), 'utf8');
        }
      } catch (error) {
        if ((error as Error).name === 'AbortError' || (error as { code?: string }).code === 'encoding-unknown') throw error;
        throw unreadable(path, error);
      }
      const rest = decoder?.end();
      if (rest) yield Buffer.from(rest, 'utf8');
    },
  };
}
