/**
 * One upload of the app, run by the engine's one sequence (main/engine/send/send-file.ts) and shown as a
 * state machine: pending -> (checking-duplicate, validating, compressing or splitting) ->
 * requesting-url -> uploading (-> retrying -> ...), or sending-parts for a file in parts ->
 * succeeded | failed | cancelled | duplicate. History is written by the engine in the vendor's
 * words (Pending -> In Progress -> Success/Failed, plus Cancelled).
 */
import { basename } from 'node:path';
import type { ErrorInfo } from '../../contract/result.js';
import type { PartProgress, RecordCounts, UploadRequest, UploadState } from '../../contract/uploads.js';
import { toErrorInfo } from '../../engine/errors.js';
import type { ConversionRecord } from '../../engine/history/conversion-ledger.js';
import { createSendContext, type SendRun } from '../../engine/send/send-context.js';
import { sendFile } from '../../engine/send/send-file.js';
import type { PartResult, SendEvent, SendOutcome } from '../../engine/send/send-types.js';
import { withFileName } from '../files/inspect-file.js';
import { createPartsProgress, type PartsProgress } from './parts-progress.js';

/** How big files go, from Settings: compression and the part size. */
export interface SendSettings {
  /** Compress NDJSON on the way when the request does not say. */
  readonly gzip: boolean;
  readonly gzipLevel: number;
  /** The part size in bytes; undefined for S3's 5 GiB. */
  readonly partBytes: number | undefined;
}

export interface RunUploadContext {
  request: UploadRequest;
  signal: AbortSignal;
  /** What every upload of the app shares: the connection, the queue, History and the app's folders. */
  run: SendRun;
  settings: SendSettings;
  onState: (state: UploadState) => void;
}

/** The counts a conversion left in the ledger, as the result and History show them. */
export function recordCounts(c: ConversionRecord | null): RecordCounts | null {
  return c ? { sent: c.written, leftOut: c.rejected, total: c.rows, lines: c.lines ?? null, sourceName: basename(c.source), fieldsLeftOut: c.fieldsLeftOut ?? 0, leftOutFields: c.leftOutFields ?? [] } : null;
}

/** The engine's view of a part's end, as the card shows it. */
function partRow(p: PartResult): PartProgress {
  const status = p.status === 'Success' ? 'sent' : p.status === 'Failed' ? 'failed' : 'cancelled';
  return { index: p.index, filename: p.filename, bytes: p.bytes, status, bytesSent: status === 'sent' ? p.bytes : 0, attempt: 1, uploadId: p.uploadId, earlier: p.earlier };
}

function partRows(parts: readonly PartResult[] | null): readonly PartProgress[] | null {
  return parts && parts.length > 1 ? parts.map(partRow) : null;
}

/** Turns the engine's events into the states the card shows (null: nothing new to show). */
function createStateMapper(): (e: SendEvent) => UploadState | null {
  let parts: PartsProgress | null = null;
  return (e) => {
    switch (e.kind) {
      case 'checking-duplicate':
        return { kind: 'checking-duplicate' };
      case 'queued':
        return { kind: 'pending' };
      case 'validating':
        return { kind: 'validating', lines: e.lines, bytesRead: e.bytesRead, totalBytes: e.totalBytes };
      case 'compressing':
        return { kind: 'compressing', bytesRead: e.bytesRead, totalBytes: e.totalBytes, bytesWritten: e.bytesWritten };
      case 'splitting':
        return { kind: 'splitting', bytesRead: e.bytesRead, totalBytes: e.totalBytes, bytesWritten: e.bytesWritten, parts: e.parts };
      case 'parts-planned':
        parts = createPartsProgress(e);
        return parts.state();
      case 'cleaned':
      case 'started':
        return null;
      case 'requesting-url':
      case 'uploading':
      case 'retrying':
      case 'part-done':
      case 'part-failed':
        if (parts) return parts.apply(e);
        // One PUT for the whole file: the steps as before parts existed.
        if (e.kind === 'requesting-url') return { kind: 'requesting-url', attempt: e.attempt };
        if (e.kind === 'uploading') return { kind: 'uploading', attempt: e.attempt, progress: { ...e.progress } };
        if (e.kind === 'retrying') return { kind: 'retrying', attempt: e.attempt, reason: e.reason, delayMs: e.delayMs };
        return null;
      default: {
        const _exhaustive: never = e;
        return _exhaustive;
      }
    }
  };
}

/** The end state for the engine's outcome. */
function finalState(outcome: SendOutcome, ctx: RunUploadContext): UploadState {
  const { request } = ctx;
  switch (outcome.kind) {
    case 'success':
      return {
        kind: 'succeeded', uploadId: outcome.uploadId ?? outcome.parts[0]?.uploadId ?? '', bytes: outcome.bytes, filename: outcome.filename,
        sandbox: ctx.run.sandbox, records: recordCounts(outcome.conversion), compressed: outcome.compressed, sourceBytes: outcome.sourceBytes,
        parts: partRows(outcome.parts),
      };
    case 'failed': {
      // Named by the file's name: in the browser host the path is a staged copy the person never saw.
      const error: ErrorInfo = withFileName(toErrorInfo(outcome.error), request.path, basename(request.path));
      return { kind: 'failed', error, parts: partRows(outcome.parts) };
    }
    case 'cancelled':
      return { kind: 'cancelled', parts: partRows(outcome.parts) };
    case 'duplicate':
      return { kind: 'duplicate', message: outcome.error.message };
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/** Runs an upload to its end; never throws, the final state carries any failure. */
export async function runUpload(ctx: RunUploadContext): Promise<UploadState> {
  const { request, settings } = ctx;
  const toState = createStateMapper();
  const outcome = await sendFile({
    path: request.path, label: basename(request.path), filename: request.filename, destination: request.destination,
    // Settings' choice is for NDJSON; CSV and JSON go as they are unless the card's box says otherwise.
    gzip: request.gzip ?? (settings.gzip ? undefined : false),
    gzipLevel: settings.gzipLevel,
    ...(settings.partBytes !== undefined ? { partBytes: settings.partBytes } : {}),
    validate: request.validateFirst ? 'all-valid' : 'off',
    allowDuplicate: request.allowDuplicate ?? false,
    requestId: request.id,
  }, createSendContext(ctx.run, {
    signal: ctx.signal,
    onEvent: (e) => {
      const state = toState(e);
      if (state) ctx.onState(state);
    },
  }));
  const state = finalState(outcome, ctx);
  ctx.onState(state);
  return state;
}
