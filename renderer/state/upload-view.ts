/**
 * Turns an upload's state into what the progress view shows. One exhaustive switch, so a new
 * state in the contract fails to compile here until the view knows how to say it.
 */
import type { PartsPlan, TransferProgress, UploadState } from '../../main/contract/uploads.js';
import { formatBytes } from '../format/format-bytes.js';
import { formatDelay } from '../format/format-duration.js';

/** The vendor's status words, and "Not sent" for a file the duplicate guard held back. */
export type FinalWord = 'Success' | 'Failed' | 'Cancelled' | 'Not sent';

export interface UploadView {
  /** The step in plain words. */
  readonly step: string;
  /** Which try this is, from the second on (said once, beside the bytes). */
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

const percentOf = (done: number, total: number): number | null => (total > 0 ? (done / total) * 100 : null);

/**
 * The sentence said before parts are sent: "This file is 12.4 GB after compression; it
 * will be sent as 3 parts, each loaded by Lexer as its own file." The CLI says the same
 * (main/engine/parts/parts-notice.ts) with its own byte format.
 */
export function partsNotice(plan: PartsPlan): string {
  const size = `${formatBytes(plan.sentBytes)}${plan.compressed ? ' after compression' : ''}`;
  return `This file is ${size}; it will be sent as ${plan.parts.length} parts, each loaded by Lexer as its own file.`;
}

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
    case 'checking-duplicate':
      return { ...idle, step: 'Checking whether this file was sent before', active: true, final: null };
    case 'compressing': {
      // "Compressing 63 % … 2.1 GB -> 240 MB so far": the two sizes say what gzip saves.
      const percent = percentOf(state.bytesRead, state.totalBytes);
      const step = `Compressing ${Math.floor(percent ?? 0)} % … ${formatBytes(state.bytesRead)} -> ${formatBytes(state.bytesWritten)} so far`;
      return { ...idle, percent, step, active: true, final: null };
    }
    case 'splitting': {
      const percent = percentOf(state.bytesRead, state.totalBytes);
      const step = `Cutting into parts ${Math.floor(percent ?? 0)} % … ${formatBytes(state.bytesRead)} read, part ${state.parts} so far`;
      return { ...idle, percent, step, active: true, final: null };
    }
    case 'sending-parts': {
      const p = state.progress;
      return {
        step: `Uploading ${state.plan.parts.length} parts`, attempt: null, bytesSent: p.bytesSent, totalBytes: p.totalBytes,
        percent: percentOf(p.bytesSent, p.totalBytes) ?? 100, bytesPerSecond: p.bytesPerSecond, etaSeconds: p.etaSeconds, active: true, final: null,
      };
    }
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
    case 'duplicate':
      return { ...idle, step: state.message, active: false, final: 'Not sent' };
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
  /** Held back by the duplicate guard (the same content already went there). */
  readonly notSent: number;
}

/**
 * Sums bytes over every card that has started, for the overall bar; a file not moving yet counts
 * its size. A cancelled or failed file is counted apart, its bytes neither sent nor still to
 * send: it did not reach Lexer, and saying "315 MB of 322 MB" for it was false.
 */
export function overallProgress(items: readonly { size: number; state: UploadState | null }[]): OverallProgress {
  let sent = 0;
  let total = 0;
  let count = 0;
  let succeeded = 0;
  let failed = 0;
  let cancelled = 0;
  let notSent = 0;
  for (const { size, state } of items) {
    if (!state) continue;
    count += 1;
    if (state.kind === 'cancelled') {
      cancelled += 1;
      continue;
    }
    if (state.kind === 'duplicate') {
      notSent += 1;
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
  return { sent, total, count, succeeded, failed, cancelled, notSent };
}
