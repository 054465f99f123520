import PQueue from 'p-queue';
import { LexerError } from '../errors.js';

/** How one task waits: higher `priority` runs first; `signal` removes it while it still waits. */
export interface QueueTaskOptions {
  priority?: number;
  signal?: AbortSignal;
}

/** Runs uploads a few at a time; each task gets an AbortSignal that clear() fires. */
export interface UploadQueue {
  add<T>(task: (signal: AbortSignal) => Promise<T>, o?: QueueTaskOptions): Promise<T>;
  onIdle(): Promise<void>;
  clear(): void;
}

/** Creates a queue running at most `concurrency` tasks at once (the rate limit is the API client's job). */
export function createUploadQueue(o: { concurrency: number }): UploadQueue {
  const queue = new PQueue({ concurrency: Math.max(1, o.concurrency) });
  let controller = new AbortController();
  return {
    add<T>(task: (signal: AbortSignal) => Promise<T>, options: QueueTaskOptions = {}): Promise<T> {
      const signal = options.signal ? AbortSignal.any([controller.signal, options.signal]) : controller.signal;
      // p-queue removes a queued task when its signal fires and rejects with the signal's reason;
      // a running task sees the same signal and stops its own PUT.
      return queue.add(() => task(signal), { signal, priority: options.priority ?? 0 });
    },
    onIdle: () => queue.onIdle(),
    clear() {
      controller.abort(new LexerError('cancelled', 'The upload was cancelled.'));
      controller = new AbortController();
    },
  };
}
