/**
 * Where batches are checked: on this thread (small files: starting a worker costs more than it
 * saves) or on worker threads (large files: JSON.parse and the check are the CPU cost, so a
 * second core nearly doubles the rate while this thread only reads and cuts the stream).
 */
import type { Worker } from 'node:worker_threads';
import { getRecordType } from '../../schemas/record-types.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { validateBatchBytes } from './validate-batch.js';
import { LexerError } from '../../errors.js';
import { startEngineWorker } from '../../workers/worker-entry.js';
import type { BatchResult, LineBatch } from './types.js';

export interface BatchRunner {
  run(batch: LineBatch): Promise<BatchResult>;
  close(): Promise<void>;
}

interface WorkerPool extends BatchRunner {
  /** Whether some worker has room for one more batch without waiting (never, once a worker failed). */
  hasRoom(): boolean;
}

const YOUNG_GENERATION_MB = 12;

// Two batches per worker: one being checked, one waiting, so a worker never idles between posts.
const BATCHES_PER_WORKER = 2;

/** Checks batches on the calling thread. */
export function inThreadRunner(recordType: RecordTypeName): BatchRunner {
  const check = getRecordType(recordType).check;
  return {
    run: async (batch) => validateBatchBytes(check, batch.bytes),
    close: async () => {},
  };
}

function startWorker(recordType: RecordTypeName): Worker {
  // A smaller young generation: records die young, and the default (3 x 16 MB semi-spaces) adds
  // ~30 MB of peak RSS per worker for no speed (target: < 200 MB for the whole process).
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  return startEngineWorker('validate-worker', { workerData: { recordType }, resourceLimits });
}

interface Pending { resolve: (r: BatchResult) => void; reject: (e: unknown) => void }

/** Checks batches on `count` worker threads, each batch on the least busy one. */
export function workerPool(recordType: RecordTypeName, count: number): WorkerPool {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: unknown = null;
  const failAll = (error: unknown) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(recordType);
    const slot = { worker, busy: 0 };
    worker.on('message', (message: { id: number; result: BatchResult }) => {
      slot.busy -= 1;
      const p = pending.get(message.id);
      pending.delete(message.id);
      p?.resolve(message.result);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (pending.size > 0) failAll(new Error(`validation worker stopped (exit code ${code})`));
    });
    return slot;
  });
  return {
    hasRoom: () => failure === null && workers.some((s) => s.busy < BATCHES_PER_WORKER),
    run: (batch) =>
      new Promise<BatchResult>((resolve, reject) => {
        if (failure !== null) return reject(failure);
        const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
        const id = nextId++;
        pending.set(id, { resolve, reject });
        slot.busy += 1;
        // Copied, not transferred: if the worker fails, this thread can still check the batch.
        slot.worker.postMessage({ id, batch });
      }),
    close: async () => {
      pending.clear();
      await Promise.all(workers.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * Checks batches on `count` workers, and on this thread whenever every worker is full: this
 * thread only reads and cuts the stream, so on two cores it has time to spare. If a worker cannot
 * start (e.g. a packaged app that cannot load the worker file), its batches run here instead.
 */
export function sharedRunner(recordType: RecordTypeName, count: number): BatchRunner {
  const pool = workerPool(recordType, count);
  const local = inThreadRunner(recordType);
  return {
    run: (batch) => (pool.hasRoom() ? pool.run(batch).catch(() => local.run(batch)) : local.run(batch)),
    close: () => pool.close(),
  };
}

/**
 * Checks batches on `count` workers only, never on this thread (the desktop app's main thread
 * serves the window and the uploads). A worker that cannot start, or stops, fails the validation
 * with a message that says so; `onFailure` hears it once, for the log.
 */
export function workersOnlyRunner(recordType: RecordTypeName, count: number, onFailure?: (error: Error) => void): BatchRunner {
  const pool = workerPool(recordType, Math.max(1, count));
  let told = false;
  return {
    run: (batch) =>
      pool.run(batch).catch((error: unknown) => {
        const cause = error instanceof Error ? error : new Error(String(error));
        if (!told) {
          told = true;
          onFailure?.(cause);
        }
        throw new LexerError('worker-failed', `The record check could not run: its worker thread failed (${cause.message}).`, {
          hint: 'Start Lexer Uploader again and retry. If it happens again, reinstall the app and send its log file to your Lexer contact.',
        });
      }),
    close: () => pool.close(),
  };
}
