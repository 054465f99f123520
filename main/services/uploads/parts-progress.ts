/**
 * A file sent in parts, as the card shows it: one row per part (its step, bytes and try) and the
 * whole file's progress. Parts go in parallel, so each state carries every row: the window's
 * throttle keeps only the latest state of an upload, and no part's news may be lost with it.
 */
import type { PartProgress, PartsPlan, TransferProgress, UploadState } from '../../contract/uploads.js';
import type { SendEvent } from '../../engine/send/send-types.js';

type PlannedEvent = Extract<SendEvent, { kind: 'parts-planned' }>;

/** Keeps the rows of one file's parts from the engine's events. */
export interface PartsProgress {
  /** Applies a part's event; the state to show, or null when the event is not about parts. */
  apply(e: SendEvent): UploadState | null;
  /** The state to show now. */
  state(): UploadState;
}

/** Starts the rows from the plan. */
export function createPartsProgress(plan: PlannedEvent): PartsProgress {
  const earlier = new Map(plan.earlier.map((p) => [p.index, p.uploadId]));
  const rows = new Map<number, PartProgress>(plan.parts.map((p) => {
    const uploadId = earlier.get(p.index) ?? null;
    return [p.index, {
      index: p.index, filename: p.filename, bytes: p.bytes, status: uploadId ? 'sent' : 'waiting',
      bytesSent: uploadId ? p.bytes : 0, attempt: 1, uploadId, earlier: uploadId !== null,
    }];
  }));
  const rates = new Map<number, number>();
  const set = (index: number, patch: Partial<PartProgress>): void => {
    const row = rows.get(index);
    if (row) rows.set(index, { ...row, ...patch });
  };
  const overall = (): TransferProgress => {
    const all = [...rows.values()];
    const totalBytes = all.reduce((n, r) => n + r.bytes, 0);
    const bytesSent = all.reduce((n, r) => n + (r.status === 'sent' ? r.bytes : r.bytesSent), 0);
    const bytesPerSecond = [...rates.values()].reduce((n, r) => n + r, 0);
    const left = totalBytes - bytesSent;
    return { bytesSent, totalBytes, bytesPerSecond, etaSeconds: left === 0 ? 0 : bytesPerSecond > 0 ? left / bytesPerSecond : null };
  };
  const state = (): UploadState => ({ kind: 'sending-parts', plan: view(), progress: overall() });
  const view = (): PartsPlan => ({ parts: [...rows.values()], sentBytes: plan.sentBytes, sourceBytes: plan.sourceBytes, compressed: plan.compressed });
  return {
    apply(e) {
      switch (e.kind) {
        case 'requesting-url':
          set(e.part.index, { status: 'requesting-url', attempt: e.attempt, bytesSent: 0 });
          break;
        case 'uploading':
          set(e.part.index, { status: 'uploading', attempt: e.attempt, bytesSent: e.progress.bytesSent });
          rates.set(e.part.index, e.progress.bytesPerSecond);
          break;
        case 'retrying':
          set(e.part.index, { status: 'retrying', attempt: e.attempt, bytesSent: 0 });
          rates.delete(e.part.index);
          break;
        case 'part-done':
          set(e.part.index, { status: 'sent', uploadId: e.uploadId, bytesSent: e.part.bytes });
          rates.delete(e.part.index);
          break;
        case 'part-failed':
          set(e.part.index, { status: 'failed' });
          rates.delete(e.part.index);
          break;
        default:
          return null;
      }
      return state();
    },
    state,
  };
}
