import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import type { SourceReader } from '../compress/source-reader.js';
import { LexerError } from '../errors.js';
import { unreadable } from '../io/unreadable.js';
import { fillFrom, type Fill } from './record-blocks.js';

/** Reads for decoders: large enough to be cheap, small enough to keep memory flat. */
const CHUNK_BYTES = 256 * 1024;

/** The rest of the source in chunks (each hashed by the reader as it is read). */
async function* readerChunks(reader: SourceReader): AsyncGenerator<Uint8Array> {
  for (;;) {
    const chunk = new Uint8Array(CHUNK_BYTES);
    const n = await reader.fill(chunk, 0);
    if (n === 0) return;
    yield chunk.subarray(0, n);
  }
}

/** The source's bytes as they are. */
export function plainInput(reader: SourceReader): Fill {
  return (target, offset) => reader.fill(target, offset);
}

/** A gzipped source (an .ndjson.gz over the part size), decompressed: its records are cut and compressed again per part. */
export function gunzippedInput(reader: SourceReader, path: string): Fill {
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  // A read error (or a cancel) destroys the gunzip stream too, and surfaces in the loop below.
  pipeline(Readable.from(readerChunks(reader)), gunzip, () => undefined);
  async function* output(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } catch (error) {
      if (error instanceof LexerError || (error as Error).name === 'AbortError') throw error;
      throw unreadable(path, error); // "it is not a valid gzip file"
    }
  }
  return fillFrom(output());
}

/** A UTF-16 CSV as UTF-8, to find its row ends (the parts are encoded back, see {@link encodeTo}). */
export function utf8Input(reader: SourceReader, encoding: string): Fill {
  async function* decode(): AsyncGenerator<Uint8Array> {
    // Started after the byte-order mark, which every part repeats with the header.
    const decoder = iconv.getDecoder(encoding, { stripBOM: false });
    for await (const chunk of readerChunks(reader)) {
      const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (text) yield Buffer.from(text, 'utf8');
    }
    const rest = decoder.end();
    if (rest) yield Buffer.from(rest, 'utf8');
  }
  return fillFrom(decode());
}

/** Blocks of whole UTF-8 rows encoded back into the file's encoding. */
export async function* encodeTo(blocks: AsyncIterable<Uint8Array>, encoding: string): AsyncGenerator<Uint8Array> {
  for await (const block of blocks) {
    yield iconv.encode(Buffer.from(block.buffer, block.byteOffset, block.byteLength).toString('utf8'), encoding);
  }
}
