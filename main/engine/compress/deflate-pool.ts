import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { LexerError } from '../errors.js';
import { startEngineWorker } from '../workers/worker-entry.js';
import { isTransferable, markTransferable } from './block-buffers.js';
import { deflateBlock, type DeflatedBlock } from './deflate-block.js';

/** A compressed block with its input handed back. */
export interface PooledBlock extends DeflatedBlock {
  raw: Uint8Array;
}

/** Compresses blocks, on worker threads or in this thread. */
export interface DeflatePool {
  /** Threads compressing (0: this thread). */
  readonly threads: number;
  /**
   * Compresses `raw` primed with `dictionary`. With threads, a block from BlockBuffers moves to
   * the worker and comes back in the result (do not touch it meanwhile); any other is copied.
   * The dictionary is read during the call only (copied to the worker), so it can be reused.
   */
  deflate(raw: Uint8Array, dictionary: Uint8Array | null): Promise<PooledBlock>;
  /** Stops the workers; blocks still being compressed are dropped. */
  close(): Promise<void>;
}

export interface WorkerJob { id: number; raw: Uint8Array; dictionary: Uint8Array | null }
export type WorkerReply = { id: number; raw: Uint8Array; deflated: Uint8Array; crc: number } | { id: number; error: string };

/** A worker's data is a block or two (1 MiB at most); zlib's buffers live outside the V8 heap. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 };

/** Starts one block compressor (worker-entry.ts knows where its file is, compiled or from source). */
function startWorker(level: number): Worker {
  return startEngineWorker('deflate-worker', { workerData: { level }, resourceLimits: RESOURCE_LIMITS });
}

/** The threads to use by default: both cores of a typical laptop, never more than two. */
export function defaultDeflateThreads(): number {
  return Math.min(2, availableParallelism());
}

/** A pool without threads: for small inputs, where starting a worker costs more than it saves. */
export function createInlinePool(level: number): DeflatePool {
  return {
    threads: 0,
    async deflate(raw, dictionary) {
      return { raw, ...deflateBlock(raw, dictionary, level) };
    },
    async close() {},
  };
}

/**
 * A pool of `threads` workers at one compression level. Blocks go to the worker with the
 * fewest outstanding; the caller bounds how many are in flight (memory) and keeps their order.
 */
export function createDeflatePool(level: number, threads: number = defaultDeflateThreads()): DeflatePool {
  if (threads <= 0) return createInlinePool(level);
  const workers = Array.from({ length: threads }, () => startWorker(level));
  const load = workers.map(() => 0);
  const waiting = new Map<number, { resolve: (b: PooledBlock) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let failure: unknown = null;
  const failAll = (error: unknown): void => {
    failure ??= error;
    for (const [id, pending] of waiting) {
      waiting.delete(id);
      pending.reject(failure);
    }
  };
  workers.forEach((worker, index) => {
    worker.on('message', (reply: WorkerReply) => {
      const pending = waiting.get(reply.id);
      if (!pending) return;
      waiting.delete(reply.id);
      load[index] = (load[index] ?? 1) - 1;
      if ('error' in reply) pending.reject(new LexerError('internal', `Compressing failed in a worker thread: ${reply.error}`));
      else pending.resolve({ raw: markTransferable(reply.raw), deflated: reply.deflated, crc: reply.crc });
    });
    worker.on('error', (error: Error) => failAll(new LexerError('internal', `A compression worker failed: ${error.message || error.name}`, { cause: error })));
    worker.on('exit', (code) => {
      if (waiting.size > 0) failAll(new LexerError('internal', `A compression worker stopped (exit code ${code}).`));
    });
  });
  return {
    threads,
    deflate(raw, dictionary) {
      if (failure !== null) return Promise.reject(failure);
      const index = load.indexOf(Math.min(...load));
      load[index] = (load[index] ?? 0) + 1;
      const id = nextId++;
      // Transferring a view of a shared buffer (a pooled Buffer) would take the others' bytes too.
      const owned = isTransferable(raw) ? raw : markTransferable(raw.slice());
      const job: WorkerJob = { id, raw: owned, dictionary };
      return new Promise<PooledBlock>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // The dictionary (32 KiB) is copied: the caller keeps it for a block that may be compressed again.
        workers[index]?.postMessage(job, [owned.buffer as ArrayBuffer]);
      });
    },
    async close() {
      failure ??= new LexerError('cancelled', 'Compression was stopped.');
      await Promise.all(workers.map((worker) => worker.terminate()));
      failAll(failure);
    },
  };
}
