import { dictionaryAfter } from './deflate-block.js';
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
  let dictionary: Uint8Array | null = null;
  const next = async (): Promise<OrderedBlock> => (queue.shift() as Promise<OrderedBlock>);
  for await (const raw of blocks) {
    const primer: Uint8Array | null = dictionary;
    dictionary = dictionaryAfter(raw); // copied before raw moves to a worker
    const pending = pool.deflate(raw, primer).then((block) => ({ ...block, dictionaryBytes: primer?.length ?? 0 }));
    // Awaited in order below; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    queue.push(pending);
    while (queue.length >= Math.max(1, inFlight)) yield await next();
  }
  while (queue.length > 0) yield await next();
}
