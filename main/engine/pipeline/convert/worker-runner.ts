import type { Worker } from 'node:worker_threads';
import { LexerError } from '../../errors.js';
import { taskTransfers, type ChunkOutcome, type ChunkRunner, type RunnerSetup } from './chunk-runner.js';
import { startEngineWorker } from '../../workers/worker-entry.js';

/** Chunks in flight per worker: one being converted, one queued, so a worker never waits. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Heap limits per worker. A chunk is 256 KiB, so a worker's live data is a few MB; without
 * limits V8 lets each heap grow lazily and two workers blow the 200 MB budget (1M-row bench:
 * 310-420 MB peak RSS unlimited, about 185 MB with these). An 8 MB young generation: 4 MB
 * measured 2-4x more time in garbage collection, 16 MB passed 200 MB of RSS.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** Starts one conversion worker (worker-entry.ts knows where its file is). */
function startWorker(setup: RunnerSetup): Worker {
  return startEngineWorker('convert-worker', { workerData: setup, resourceLimits: RESOURCE_LIMITS });
}

type Reply = { seq: number; outcome: ChunkOutcome; error?: undefined } | { seq: number; error: string; outcome?: undefined };

/**
 * Converts chunks on `count` worker threads and hands outcomes to `handle` in order. At most
 * IN_FLIGHT_PER_WORKER chunks per worker are outstanding (converted or waiting to be written),
 * so memory stays flat whatever the file size.
 */
export function createWorkerRunner(setup: RunnerSetup, count: number, handle: (outcome: ChunkOutcome) => Promise<void>): ChunkRunner {
  const workers = Array.from({ length: count }, () => startWorker(setup));
  const load = workers.map(() => 0);
  const ready = new Map<number, ChunkOutcome>();
  let submitted = 0;
  let handled = 0;
  let failure: unknown = null;
  let handling = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const fail = (error: unknown): void => {
    failure ??= error;
    notify();
  };
  const pump = async (): Promise<void> => {
    if (handling) return;
    handling = true;
    try {
      for (let next = ready.get(handled); next && failure === null; next = ready.get(handled)) {
        ready.delete(handled);
        await handle(next);
        handled++;
        notify();
      }
    } catch (error) {
      fail(error);
    } finally {
      handling = false;
    }
  };
  workers.forEach((worker, index) => {
    worker.on('message', (reply: Reply) => {
      load[index] = (load[index] ?? 1) - 1;
      if (reply.error !== undefined) return fail(new LexerError('internal', `Converting failed in a worker thread: ${reply.error}`));
      ready.set(reply.seq, reply.outcome);
      void pump();
    });
    worker.on('error', (error: Error & { code?: string }) =>
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new LexerError('unsupported-file', 'A row is too large to convert (a worker ran out of memory).', {
              hint: 'Check the quotes in the file: a quote that never closes makes the rest of the file one value.',
            })
          : error,
      ),
    );
  });
  const waitFor = async (done: () => boolean): Promise<void> => {
    while (!done()) {
      if (failure !== null) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure !== null) throw failure;
  };
  return {
    async submit(task) {
      const index = load.indexOf(Math.min(...load));
      load[index] = (load[index] ?? 0) + 1;
      // Transferred, not copied: the chunk's ArrayBuffer moves to the worker.
      workers[index]?.postMessage({ seq: submitted++, task }, taskTransfers(task));
      await waitFor(() => submitted - handled < count * IN_FLIGHT_PER_WORKER);
    },
    async finish() {
      await waitFor(() => handled === submitted);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
