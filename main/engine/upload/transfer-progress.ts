import { PROGRESS_INTERVAL_MS } from '../io/progress-throttle.js';
import type { TransferProgress } from './upload-events.js';

/**
 * Turns raw byte counts into throttled progress reports (every PROGRESS_INTERVAL_MS, which says why).
 * The rate is a moving average over the last 5 s, so the ETA does not jump with every chunk.
 */
export interface ProgressMeter {
  update(bytesSent: number): void;
  /** Reports 100% once, whatever the throttle says. */
  finish(): void;
}

const WINDOW_MS = 5000;

/** Creates a meter for one transfer of `totalBytes` that calls `report` at most every `intervalMs`. */
export function createProgressMeter(totalBytes: number, report: (p: TransferProgress) => void, intervalMs = PROGRESS_INTERVAL_MS, now = () => Date.now()): ProgressMeter {
  const started = now();
  const samples: Array<{ t: number; bytes: number }> = [{ t: started, bytes: 0 }];
  let lastReport = -Infinity;
  let sent = 0;
  let finished = false;

  const rate = (t: number): number => {
    while (samples.length > 2 && (samples[1]?.t ?? t) < t - WINDOW_MS) samples.shift();
    const first = samples[0] ?? { t: started, bytes: 0 };
    const elapsed = (t - first.t) / 1000;
    return elapsed > 0 ? (sent - first.bytes) / elapsed : 0;
  };

  const emit = (t: number): void => {
    samples.push({ t, bytes: sent });
    const bytesPerSecond = rate(t);
    const left = totalBytes - sent;
    report({ bytesSent: sent, totalBytes, bytesPerSecond, etaSeconds: left === 0 ? 0 : bytesPerSecond > 0 ? left / bytesPerSecond : null });
  };

  return {
    update(bytesSent) {
      if (finished) return;
      sent = Math.min(bytesSent, totalBytes);
      const t = now();
      if (t - lastReport >= intervalMs && sent < totalBytes) {
        lastReport = t;
        emit(t);
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      sent = totalBytes;
      emit(now());
    },
  };
}
