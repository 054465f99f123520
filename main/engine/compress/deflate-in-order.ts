import { TailWindow } from './tail-window.js';
import type { DeflatePool, PooledBlock } from './deflate-pool.js';

/** A block back from the pool, with how many bytes before it primed its compression. */
export interface OrderedBlock extends PooledBlock {
  /** Length of the dictionary used (the tail of the block before): those bytes must precede it in the stream. */
  dictionaryBytes: number;
}

/**
 * Compresses `blocks` on the pool, each primed with the last 32 KiB of the one before, and yields
 * them in input order. At most `inFlight` blocks are outstanding, so memory stays flat whatever
 * the size; two per thread keeps each worker busy while the main thread reads and writes.
 */
export async function* deflateInOrder(blocks: AsyncIterable<Uint8Array>, pool: DeflatePool, inFlight: number): AsyncGenerator<OrderedBlock> {
  const queue: Array<Promise<OrderedBlock>> = [];
  // Two windows taking turns: the block's dictionary, and the one after it, filled before the
  // block moves to a worker (the pool reads a dictionary only during the call).
  let primer = new TailWindow();
  let after = new TailWindow();
  const next = async (): Promise<OrderedBlock> => (queue.shift() as Promise<OrderedBlock>);
  for await (const raw of blocks) {
    after.copy(primer).push(raw);
    const dictionaryBytes = primer.length;
    const pending = pool.deflate(raw, dictionaryBytes > 0 ? primer.view : null).then((block) => ({ ...block, dictionaryBytes }));
    [primer, after] = [after, primer];
    // Awaited in order below; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    queue.push(pending);
    while (queue.length >= Math.max(1, inFlight)) yield await next();
  }
  while (queue.length > 0) yield await next();
}
