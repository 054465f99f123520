/**
 * Turns an upload's state into what the progress view shows. One exhaustive switch, so a new
 * state in the contract fails to compile here until the view knows how to say it.
 */
import type { TransferProgress, UploadState } from '../../preload/contract.js';
import { formatDelay } from '../format/format-duration.js';

export type FinalWord = 'Success' | 'Failed' | 'Cancelled';

export interface UploadView {
  /** The step in plain words. */
  readonly step: string;
  /** Which try this is, from the second on (said once, beside the bytes: issue 9, item 22). */
  readonly attempt: number | null;
  readonly bytesSent: number;
  readonly totalBytes: number | null;
  /** 0..100, or null while no bytes are moving yet. */
  readonly percent: number | null;
  readonly bytesPerSecond: number;
  readonly etaSeconds: number | null;
  readonly active: boolean;
  /** The vendor's status word once finished. */
  readonly final: FinalWord | null;
}

const idle = { bytesSent: 0, totalBytes: null, percent: null, bytesPerSecond: 0, etaSeconds: null, attempt: null } as const;

/**
 * Describes an upload state for the progress view. `last` is the last transfer progress seen:
 * while a broken PUT is retried the card keeps saying how big the file is, and that it starts
 * again from byte 0 (one presigned S3 PUT cannot resume), instead of the numbers vanishing.
 */
export function describeUpload(state: UploadState, last: TransferProgress | null = null): UploadView {
  const again = last ? { bytesSent: 0, totalBytes: last.totalBytes, percent: 0 } : {};
  switch (state.kind) {
    case 'pending':
      return { ...idle, step: 'Waiting for a free upload slot', active: true, final: null };
    case 'validating': {
      const percent = state.totalBytes > 0 ? (state.bytesRead / state.totalBytes) * 100 : null;
      return { ...idle, percent, step: `Checking every record (${state.lines.toLocaleString()} lines so far)`, active: true, final: null };
    }
    case 'requesting-url':
      return state.attempt > 1
        ? { ...idle, ...again, attempt: state.attempt, step: 'Asking Lexer for a fresh upload link', active: true, final: null }
        : { ...idle, step: 'Asking Lexer for an upload link', active: true, final: null };
    case 'uploading': {
      const p = state.progress;
      const percent = p.totalBytes > 0 ? (p.bytesSent / p.totalBytes) * 100 : 100;
      return {
        step: state.attempt > 1 ? 'Uploading again from the start' : 'Uploading',
        attempt: state.attempt > 1 ? state.attempt : null,
        bytesSent: p.bytesSent,
        totalBytes: p.totalBytes,
        percent,
        bytesPerSecond: p.bytesPerSecond,
        etaSeconds: p.etaSeconds,
        active: true,
        final: null,
      };
    }
    case 'retrying':
      // The engine's reason already says why and, for a broken PUT, that the file is sent again
      // from byte 0 (one presigned S3 PUT cannot resume); adding it here too said it twice, and
      // wrongly for a retried link request, which happens before any byte has moved.
      return { ...idle, ...again, attempt: state.attempt, step: `Retrying ${formatDelay(state.delayMs)}: ${state.reason}`, active: true, final: null };
    case 'succeeded':
      return { ...idle, bytesSent: state.bytes, totalBytes: state.bytes, percent: 100, step: state.sandbox ? 'Sent to the sandbox' : 'Sent to Lexer', active: false, final: 'Success' };
    case 'failed':
      return { ...idle, step: state.error.message, active: false, final: 'Failed' };
    case 'cancelled':
      return { ...idle, step: 'Stopped before it finished; nothing was loaded.', active: false, final: 'Cancelled' };
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}

export interface OverallProgress {
  /** Bytes sent over bytes to send, counting only files sent or still going. */
  readonly sent: number;
  readonly total: number;
  /** Files started. */
  readonly count: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly cancelled: number;
}

/**
 * Sums bytes over every card that has started, for the overall bar; a file not moving yet counts
 * its size. A cancelled or failed file is counted apart, its bytes neither sent nor still to
 * send: it did not reach Lexer, and saying "315 MB of 322 MB" for it was false (issue 9, item 9).
 */
export function overallProgress(items: readonly { size: number; state: UploadState | null }[]): OverallProgress {
  let sent = 0;
  let total = 0;
  let count = 0;
  let succeeded = 0;
  let failed = 0;
  let cancelled = 0;
  for (const { size, state } of items) {
    if (!state) continue;
    count += 1;
    if (state.kind === 'cancelled') {
      cancelled += 1;
      continue;
    }
    if (state.kind === 'failed') {
      failed += 1;
      continue;
    }
    const view = describeUpload(state);
    const itemTotal = view.totalBytes ?? size;
    total += itemTotal;
    if (state.kind === 'succeeded') succeeded += 1;
    sent += state.kind === 'succeeded' ? itemTotal : view.bytesSent;
  }
  return { sent, total, count, succeeded, failed, cancelled };
}
