/**
 * Progress events at most every 250 ms, everywhere (reading, compressing, validating, sending,
 * and the upload states the window gets). Four updates a second move a bar smoothly and keep an
 * ETA readable, while a 1 GiB PUT makes about 16,000 socket writes and a conversion reads
 * thousands of chunks: reporting each would flood IPC and re-render the window for nothing.
 * Uppy throttles to 500 ms for the same reason; a local file moves faster than a browser
 * upload, so we report twice as often.
 */
export const PROGRESS_INTERVAL_MS = 250;

/** Calls `emit` at most once per interval; `flush` sends the final state whatever the timing. */
export function throttleProgress<T>(emit: ((value: T) => void) | undefined, snapshot: () => T): { tick(): void; flush(): void } {
  let last = 0;
  return {
    tick() {
      if (!emit) return;
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      emit(snapshot());
    },
    flush() {
      emit?.(snapshot());
    },
  };
}
