/**
 * One upload as a state machine: pending -> (validating) -> requesting-url -> uploading
 * (-> retrying -> ...) -> succeeded | failed | cancelled, mirrored into the history with the
 * vendor's words (Pending -> In Progress -> Success/Failed, plus Cancelled).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ErrorInfo, RecordCounts, UploadRequest, UploadState } from '../../preload/contract.js';
import { findConversion, type ConversionRecord } from '../history/conversion-ledger.js';
import type { UploadHistory } from '../history/upload-history.js';
import type { RateLimiter } from '../api/rate-limiter.js';
import { LexerError, toLexerError } from '../errors.js';
import { checkSupportedFile } from '../files/supported-file.js';
import { validateNdjsonFile } from '../pipeline/validate-ndjson.js';
import type { UploadEvent } from '../upload/upload-events.js';
import { uploadFile, type UploadFileOptions } from '../upload/upload-file.js';
import { withFileName } from './inspect-file.js';
import { toErrorInfo } from './result.js';

export interface RunUploadContext {
  request: UploadRequest;
  signal: AbortSignal;
  history: UploadHistory;
  /** The history entry made when the upload was queued. */
  entryId: string;
  token: string;
  apiUrl: string;
  /** The system proxy for a URL (asked for the API and for the upload link apart), if any. */
  proxyFor?: ((url: string) => Promise<string | null>) | undefined;
  limiter: RateLimiter;
  /** Uploads go to a sandbox (embedded, or an API on this computer), not to Lexer. */
  sandbox: boolean;
  /** Where conversions note what they left out (conversion-ledger.ts). */
  ledgerDir: string;
  onState: (state: UploadState) => void;
  /** Engine knobs tests turn down (retry backoff, stall timeout). */
  tuning?: Pick<UploadFileOptions, 'maxAttempts' | 'stallTimeoutMs' | 'retryBaseMs'>;
}

/** Maps an engine event to the state the renderer shows. */
export function stateFromEvent(e: UploadEvent): UploadState {
  switch (e.kind) {
    case 'checking-file':
      return { kind: 'pending' };
    case 'requesting-url':
      return { kind: 'requesting-url', attempt: e.attempt };
    case 'uploading':
      return { kind: 'uploading', attempt: e.attempt, progress: { ...e.progress } };
    case 'retrying':
      return { kind: 'retrying', attempt: e.attempt, reason: e.reason, delayMs: e.delayMs };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

/** Validates every record first; throws `invalid-records` when any record is invalid. */
async function validateFirst(ctx: RunUploadContext): Promise<void> {
  const { request, signal, onState } = ctx;
  if (!request.validateFirst || !request.destination) return;
  const r = await validateNdjsonFile(request.path, request.destination.recordType, {
    signal,
    onProgress: (p) => onState({ kind: 'validating', lines: p.lines, bytesRead: p.bytesRead, totalBytes: p.totalBytes }),
  });
  if (r.invalid > 0) {
    const first = r.errors[0];
    throw new LexerError('invalid-records', `${r.invalid} of ${r.total} records in ${request.filename} are invalid${first ? ` (line ${first.line}: ${first.message})` : ''}, so nothing was sent.`, {
      hint: 'Fix the records listed in the validation report, or convert the file again, then upload.',
    });
  }
}

/** The counts a conversion left in the ledger, as the result and History show them. */
export function recordCounts(c: ConversionRecord | null): RecordCounts | null {
  return c ? { sent: c.written, leftOut: c.rejected, total: c.rows, sourceName: basename(c.source) } : null;
}

/**
 * Records the upload as Pending the moment it is queued; returns the history entry id. A file
 * made by a conversion is listed under the name of the file the person converted, with its counts.
 */
export async function addPendingEntry(
  history: UploadHistory,
  request: UploadRequest,
  o: { sandbox: boolean; conversion: ConversionRecord | null },
): Promise<string> {
  const bytes = await stat(request.path).then((s) => s.size, () => 0);
  const entry = await history.add({
    filePath: request.path,
    filename: request.filename,
    datasetId: request.destination?.datasetId ?? null,
    recordType: request.destination?.recordType ?? null,
    bytes,
    status: 'Pending',
    sandbox: o.sandbox,
    sourceName: o.conversion ? basename(o.conversion.source) : basename(request.path),
    requestId: request.id,
    recordsSent: o.conversion?.written ?? null,
    recordsLeftOut: o.conversion?.rejected ?? null,
  });
  return entry.id;
}

/** Ends the history entry and reports the final state. */
export async function finishUpload(ctx: Pick<RunUploadContext, 'history' | 'entryId' | 'onState'>, state: UploadState): Promise<UploadState> {
  const finishedAt = new Date().toISOString();
  const patch = ((): Parameters<UploadHistory['update']>[1] => {
    switch (state.kind) {
      case 'succeeded':
        return {
          status: 'Success', uploadId: state.uploadId, bytes: state.bytes, finishedAt,
          recordsSent: state.records?.sent ?? null, recordsLeftOut: state.records?.leftOut ?? null,
        };
      case 'failed':
        return { status: 'Failed', error: state.error, finishedAt };
      case 'cancelled':
        return { status: 'Cancelled', finishedAt };
      default:
        return {};
    }
  })();
  await ctx.history.update(ctx.entryId, patch).catch(() => undefined); // a full disk must not hide the outcome
  ctx.onState(state);
  return state;
}

/** Runs a queued upload to its end; never throws, the final state carries any failure. */
export async function runUpload(ctx: RunUploadContext): Promise<UploadState> {
  const { request, history, signal, onState } = ctx;
  try {
    if (signal.aborted) return await finishUpload(ctx, { kind: 'cancelled' });
    // The card refuses these already; main checks again, so nothing it cannot load is reported sent.
    const unsupported = await checkSupportedFile(request.path, { audience: 'app' });
    if (unsupported) throw unsupported;
    await validateFirst(ctx);
    const result = await uploadFile(
      { filePath: request.path, filename: request.filename, ...(request.destination ? { destination: request.destination } : {}) },
      {
        ...ctx.tuning,
        apiUrl: ctx.apiUrl,
        token: ctx.token,
        signal,
        limiter: ctx.limiter,
        ...(ctx.proxyFor ? { proxyFor: ctx.proxyFor } : {}),
        onEvent: (e) => onState(stateFromEvent(e)),
        onStart: (info) =>
          void history.update(ctx.entryId, { status: 'In Progress', bytes: info.bytes, startedAt: new Date().toISOString() }).catch(() => undefined),
      },
    );
    // Looked up after the upload: the file was checked unchanged through the PUT, so its counts still hold.
    const records = recordCounts(await findConversion(ctx.ledgerDir, request.path).catch(() => null));
    return await finishUpload(ctx, {
      kind: 'succeeded', uploadId: result.uploadId, bytes: result.bytes, filename: result.filename, sandbox: ctx.sandbox, records,
    });
  } catch (error) {
    const e = toLexerError(error);
    if (signal.aborted || e.code === 'cancelled') return finishUpload(ctx, { kind: 'cancelled' });
    // Named by the file's name: in the browser host the path is a staged copy the person never saw.
    const info: ErrorInfo = withFileName(toErrorInfo(e), request.path, basename(request.path));
    return finishUpload(ctx, { kind: 'failed', error: info });
  }
}
