/**
 * Validates an NDJSON file (optionally gzipped) against one record type, streaming: memory stays
 * flat whatever the size (uploads go up to 5 GiB). Large files are checked on worker threads.
 */
import { availableParallelism } from 'node:os';
import { LexerError, toLexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { inThreadRunner, sharedRunner, workersOnlyRunner, type BatchRunner } from './validation/batch-runners.js';
import { validationThreads, type ValidationThreads } from './validation/thread-policy.js';
import { lineBatches, MAX_LINE_BYTES } from './validation/line-batcher.js';
import { openInput } from '../io/open-input.js';
import { unreadable } from '../io/unreadable.js';
import { createResultCollector } from './validation/result-collector.js';
import { overlongResult } from './validation/validate-batch.js';
import type { BatchResult, LineError, ValidationProgress, ValidationResult } from './validation/types.js';
import { throttleProgress } from '../io/progress-throttle.js';

export type { ErrorGroup, Framing, LineError, ValidationProgress, ValidationResult } from './validation/types.js';

export interface ValidateNdjsonOptions {
  signal?: AbortSignal;
  onProgress?: (p: ValidationProgress) => void;
  /** How many errors `errors` keeps (default 100); the counts and summary are never capped. */
  maxErrors?: number;
  /** Called for every error, in line order. */
  onError?: (e: LineError) => void;
  /** Worker threads helping this one; 0 checks on this thread only. Default: 0 under 8 MiB, else cores - 1 (at most 2, for memory). */
  workers?: number;
  /** Where batches are checked; default: as the program set it (setValidationThreads), else 'shared'. */
  threads?: ValidationThreads;
  /** Lines longer than this are reported and skipped unread (default 16 MiB; tests lower it). */
  maxLineBytes?: number;
}

// Below this, starting workers costs more than they save.
const WORKER_THRESHOLD_BYTES = 8 << 20;

function cancelled(): LexerError {
  return new LexerError('cancelled', 'Validation was cancelled.');
}

function defaultWorkers(totalBytes: number): number {
  return totalBytes < WORKER_THRESHOLD_BYTES ? 0 : Math.min(2, Math.max(1, availableParallelism() - 1));
}

/** Validates every line of `path` as a `recordType` record; throws LexerError for an unreadable file, a JSON array file, or cancel. */
export async function validateNdjsonFile(path: string, recordType: RecordTypeName, o: ValidateNdjsonOptions = {}): Promise<ValidationResult> {
  if (o.signal?.aborted) throw cancelled();
  const input = await openInput(path);
  const policy = validationThreads();
  const workersOnly = (o.threads ?? policy.threads) === 'workers-only';
  // Workers only: at least one, whatever the size.
  const workers = workersOnly ? Math.max(1, o.workers ?? defaultWorkers(input.totalBytes)) : (o.workers ?? defaultWorkers(input.totalBytes));
  const runner: BatchRunner = workersOnly
    ? workersOnlyRunner(recordType, workers, policy.onWorkerFailure)
    : workers > 0 ? sharedRunner(recordType, workers) : inThreadRunner(recordType);
  const collector = createResultCollector(o.maxErrors ?? 100, o.onError);
  // Batches in flight, oldest first: results are added in order, so errors stay in line order.
  const inFlight: Promise<BatchResult>[] = [];
  // Room for every worker's two batches plus this thread's own, so reading rarely waits.
  const maxInFlight = 4 + workers * 2;
  let lines = 0;
  const progress = throttleProgress(o.onProgress, () => ({ bytesRead: input.bytesRead(), totalBytes: input.totalBytes, lines }));
  const take = async () => {
    const result = await (inFlight.shift() as Promise<BatchResult>);
    if (o.signal?.aborted) throw cancelled();
    collector.add(result, lines);
    lines += result.lines;
    progress.tick();
  };
  const onAbort = () => input.stream.destroy();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const maxLineBytes = o.maxLineBytes ?? MAX_LINE_BYTES;
    for await (const batch of lineBatches(input.stream, undefined, maxLineBytes)) {
      if (o.signal?.aborted) throw cancelled();
      const pending = 'overlong' in batch ? Promise.resolve(overlongResult(batch.overlong, maxLineBytes)) : runner.run(batch);
      // Awaited later by take(); until then a failure must not count as unhandled.
      pending.catch(() => {});
      inFlight.push(pending);
      while (inFlight.length >= maxInFlight) await take();
    }
    while (inFlight.length > 0) await take();
    progress.flush();
    return collector.result();
  } catch (error) {
    if (o.signal?.aborted) throw cancelled();
    // The head's refusals (a JSON array, JSON over several lines, UTF-16) name the file.
    if (error instanceof LexerError && error.code === 'not-ndjson' && error.message.startsWith('This file')) {
      throw new LexerError(error.code, `${path}${error.message.slice('This file'.length)}`, { hint: error.hint?.replaceAll('FILE', path), cause: error });
    }
    if (error instanceof LexerError) throw error;
    // Read errors carry an errno code (ENOENT, EIO), gunzip errors a Z_ code; anything else is ours.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^(E[A-Z]+|Z_[A-Z_]+)$/.test(code)) throw unreadable(path, error);
    throw toLexerError(error);
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    input.close();
    await runner.close();
  }
}
