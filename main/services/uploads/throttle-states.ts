/**
 * Throttles `uploads:state` per upload: a change of kind (validating -> uploading -> succeeded)
 * goes out at once, while repeats of the same kind (progress ticks) go out at most every
 * `intervalMs` (the engine's one progress interval, which says why), the latest one winning.
 */
import type { UploadState, UploadStateEvent } from '../../contract/uploads.js';
import { PROGRESS_INTERVAL_MS } from '../../engine/io/progress-throttle.js';

export interface StateThrottle {
  push(id: string, state: UploadState): void;
  /** Drops the pending tick and the memory for an upload that ended. */
  forget(id: string): void;
  dispose(): void;
}

/** Creates a throttle that hands events to `emit`. */
export function createStateThrottle(emit: (e: UploadStateEvent) => void, intervalMs = PROGRESS_INTERVAL_MS): StateThrottle {
  const last = new Map<string, { kind: UploadState['kind']; at: number }>();
  const pending = new Map<string, { state: UploadState; timer: NodeJS.Timeout }>();

  const send = (id: string, state: UploadState): void => {
    last.set(id, { kind: state.kind, at: Date.now() });
    emit({ id, state });
  };
  const clearPending = (id: string): void => {
    const p = pending.get(id);
    if (p) clearTimeout(p.timer);
    pending.delete(id);
  };

  return {
    push(id, state) {
      const prev = last.get(id);
      const now = Date.now();
      if (!prev || prev.kind !== state.kind || now - prev.at >= intervalMs) {
        clearPending(id);
        send(id, state);
        return;
      }
      const existing = pending.get(id);
      if (existing) {
        existing.state = state;
        return;
      }
      const timer = setTimeout(() => {
        const p = pending.get(id);
        pending.delete(id);
        if (p) send(id, p.state);
      }, intervalMs - (now - prev.at));
      timer.unref();
      pending.set(id, { state, timer });
    },
    forget(id) {
      clearPending(id);
      last.delete(id);
    },
    dispose() {
      for (const id of [...pending.keys()]) clearPending(id);
      last.clear();
    },
  };
}
