/**
 * Turns an upload's state into what the progress view shows. One exhaustive switch, so a new
 * state in the contract fails to compile here until the view knows how to say it.
 */
import type { UploadState } from '../../preload/contract.js';
import { formatDelay } from '../format/format-duration.js';

export type FinalWord = 'Success' | 'Failed' | 'Cancelled';

export interface UploadView {
  /** The step in plain words. */
  readonly step: string;
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

const idle = { bytesSent: 0, totalBytes: null, percent: null, bytesPerSecond: 0, etaSeconds: null } as const;

/** Describes an upload state for the progress view. */
export function describeUpload(state: UploadState): UploadView {
  switch (state.kind) {
    case 'pending':
      return { ...idle, step: 'Waiting for a free upload slot', active: true, final: null };
    case 'validating': {
      const percent = state.totalBytes > 0 ? (state.bytesRead / state.totalBytes) * 100 : null;
      return { ...idle, percent, step: `Checking every record (${state.lines.toLocaleString()} lines so far)`, active: true, final: null };
    }
    case 'requesting-url':
      return { ...idle, step: state.attempt > 1 ? `Asking Lexer for an upload link (attempt ${state.attempt})` : 'Asking Lexer for an upload link', active: true, final: null };
    case 'uploading': {
      const p = state.progress;
      const percent = p.totalBytes > 0 ? (p.bytesSent / p.totalBytes) * 100 : 100;
      return {
        step: state.attempt > 1 ? `Uploading (attempt ${state.attempt})` : 'Uploading',
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
      return {
        ...idle,
        step: `Retrying ${formatDelay(state.delayMs)} (attempt ${state.attempt}): ${state.reason}`,
        active: true,
        final: null,
      };
    case 'succeeded':
      return { ...idle, bytesSent: state.bytes, totalBytes: state.bytes, percent: 100, step: 'Sent to Lexer', active: false, final: 'Success' };
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

/** Sums bytes over every card that has started, for the overall bar; a file not moving yet counts its size. */
export function overallProgress(items: readonly { size: number; state: UploadState | null }[]): { sent: number; total: number; count: number; done: number } {
  let sent = 0;
  let total = 0;
  let count = 0;
  let done = 0;
  for (const { size, state } of items) {
    if (!state) continue;
    count += 1;
    const view = describeUpload(state);
    if (view.final) done += 1;
    const itemTotal = view.totalBytes ?? size;
    total += itemTotal;
    // A failed or cancelled file counts as finished for the overall bar: nothing more will move.
    sent += view.final ? itemTotal : view.bytesSent;
  }
  return { sent, total, count, done };
}
