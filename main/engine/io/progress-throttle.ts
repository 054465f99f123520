/** Progress events at most every 250 ms: enough for a bar to move smoothly, few enough not to flood IPC. */
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
