import { createReadStream } from 'node:fs';
import { iconvLite } from './lazy-iconv.js';
import { unreadable } from '../../io/unreadable.js';

export interface Utf8Source {
  /** Bytes read from the file so far (for progress). */
  readonly bytesRead: number;
  /** The file's content as UTF-8 bytes, without a byte-order mark. */
  chunks(): AsyncGenerator<Uint8Array>;
}

/**
 * Streams a file as UTF-8 bytes in 256 KiB reads (flat memory whatever the size). Files without
 * a UTF-16 byte-order mark pass through untouched, past a UTF-8 BOM: workers decode them line by
 * line (csv/mixed-decode.ts), which keeps the main thread free. UTF-16 is decoded with
 * iconv-lite and re-encoded.
 */
export function readUtf8Bytes(path: string, encoding: string, bomLength: number, signal?: AbortSignal): Utf8Source {
  let bytesRead = 0;
  return {
    get bytesRead() {
      return bytesRead;
    },
    async *chunks() {
      const passThrough = encoding === 'UTF-8';
      // iconv-lite strips the BOM and keeps a character cut between two reads for the next one.
      const decoder = passThrough ? null : iconvLite().getDecoder(encoding);
      const stream = createReadStream(path, { highWaterMark: 256 * 1024, start: passThrough ? bomLength : 0, signal });
      bytesRead = passThrough ? bomLength : 0;
      try {
        for await (const piece of stream as AsyncIterable<Buffer>) {
          bytesRead += piece.length;
          if (!decoder) yield piece;
          else yield Buffer.from(decoder.write(piece), 'utf8');
        }
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        throw unreadable(path, error);
      }
      const rest = decoder?.end();
      if (rest) yield Buffer.from(rest, 'utf8');
    },
  };
}
