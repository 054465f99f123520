import { LexerError } from '../errors.js';
import type { BlockBuffers } from '../compress/block-buffers.js';

/** Fills `target` from `offset` with the next bytes of the input; returns how many (0 at the end). */
export type Fill = (target: Uint8Array, offset: number) => Promise<number>;

/**
 * The input in blocks of whole records, each about `buffers.size` bytes (more when one record
 * is longer) and in a buffer that can move to a worker without a copy. The partial record at
 * the end of a read is carried to the start of the next block. `lastEnd` finds the end of the
 * last complete record (see record-format.ts); the input's last record may lack a newline.
 */
export async function* recordBlocks(fill: Fill, buffers: BlockBuffers, lastEnd: (bytes: Uint8Array) => number, what: string, maxRecordBytes: number): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array | null = null;
  let size = buffers.size;
  for (;;) {
    const block = buffers.take(size);
    const start: number = carry?.length ?? 0;
    if (carry) block.set(carry);
    const used: number = start + (await fill(block, start));
    if (used < block.length) {
      // The input ended inside this block: what is left is its last record(s).
      if (used > 0) yield block.subarray(0, used);
      else buffers.give(block);
      return;
    }
    const end = lastEnd(block);
    if (end <= 0) {
      // A single record longer than the block: read on with a larger one.
      if (used >= maxRecordBytes) throw recordTooLong(what, maxRecordBytes);
      carry = block.slice();
      size = used * 2;
      continue;
    }
    carry = end < used ? block.slice(end) : null;
    size = buffers.size;
    yield block.subarray(0, end);
  }
}

/** The error for a record no part can hold (or a quote that never closes). */
export function recordTooLong(what: string, limit: number): LexerError {
  return new LexerError('unsupported-file', `${what} has a record longer than ${limit.toLocaleString('en-US')} bytes, so it cannot be cut into parts at record boundaries.`, {
    hint: 'Check the file: a CSV quote that never closes makes the rest of the file one value. Otherwise choose a larger part size.',
  });
}

/** A Fill that takes its bytes from chunks (decompressed or re-encoded input), keeping the rest of a chunk for the next call. */
export function fillFrom(chunks: AsyncIterable<Uint8Array>): Fill {
  const iterator = chunks[Symbol.asyncIterator]();
  let pending: Uint8Array = new Uint8Array(0);
  let done = false;
  return async (target, offset) => {
    let at = offset;
    while (at < target.length) {
      if (pending.length === 0) {
        if (done) break;
        const next = await iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        pending = next.value;
        continue;
      }
      const n = Math.min(pending.length, target.length - at);
      target.set(pending.subarray(0, n), at);
      pending = pending.subarray(n);
      at += n;
    }
    return at - offset;
  };
}
