/**
 * Uploads run in main, through one queue sized by the concurrency setting and the per-token
 * rate limiter (Lexer allows 10 requests per second per token). A Map of running uploads makes
 * a second start of the same id return the running one (Fiddle's pattern) instead of sending
 * the file twice. Tracks activity (count, overall progress) for the taskbar, and announces when
 * a batch settles so the shell can notify.
 */
import { basename } from 'node:path';
import type { UploadRequest, UploadState } from '../../contract/uploads.js';
import { LexerError, toErrorInfo } from '../../engine/errors.js';
import type { UploadHistory } from '../../engine/history/upload-history.js';
import type { SendRun } from '../../engine/send/send-context.js';
import { createUploadQueue, type UploadQueue } from '../../engine/upload/upload-queue.js';
import type { EventHub, ServiceEvents } from '../channels/event-hub.js';
import type { Connection } from '../settings/connection.js';
import { runUpload, type SendSettings } from './run-upload.js';

interface Running {
  /** The file it reads. */
  path: string;
  controller: AbortController;
  promise: Promise<UploadState>;
  sent: number;
  total: number;
}

export interface UploadServiceDeps {
  history: UploadHistory;
  hub: EventHub<ServiceEvents>;
  /** Where to send and with which token (Lexer, or the embedded sandbox). */
  connection: () => Promise<Connection>;
  concurrency: () => number;
  /** Gzip and part size from Settings, read when an upload starts. */
  sendSettings: () => SendSettings;
  /** The app's folder for compressed copies and parts of big files. */
  tempRoot: string;
  /** Where conversions note what they left out (conversion-ledger.ts). */
  ledgerDir: string;
  resolveProxy?: ((url: string) => Promise<string | null>) | undefined;
  tuning?: SendRun['tuning'];
  /** Why a request must not be sent (Settings: e-mail addresses leave only hashed), or null. */
  refuse?: (request: UploadRequest) => LexerError | null;
}

/** Why a file is not sent while Settings say e-mail addresses leave only hashed. */
export function notHashedError(path: string): LexerError {
  return new LexerError('usage', `${basename(path)} was not sent: Settings say e-mail addresses leave this computer only hashed, and this file was not converted with them hashed.`, {
    hint: 'Convert the file (for NDJSON: Validate, then "Hash e-mail addresses"), then upload the converted copy; or turn the setting off in Settings.',
  });
}

export interface UploadService {
  start(request: UploadRequest): Promise<UploadState>;
  /** The queue uploads go through now (sized by the setting), which watched folders share. */
  queue(): UploadQueue;
  cancel(id: string): boolean;
  /** Whether an upload under way reads the file at `path`. */
  reads(path: string): boolean;
  dispose(): void;
}

/** Creates the upload service. */
export function createUploadService(d: UploadServiceDeps): UploadService {
  const running = new Map<string, Running>();
  let queue = { concurrency: 0, q: createUploadQueue({ concurrency: 1 }) };
  let batch = { succeeded: 0, failed: 0, cancelled: 0 };

  const queueFor = (concurrency: number) => {
    // A changed setting applies to uploads queued from now on; running ones finish in the old queue.
    if (queue.concurrency !== concurrency) queue = { concurrency, q: createUploadQueue({ concurrency }) };
    return queue.q;
  };
  const publishActivity = (): void => {
    const known = [...running.values()].filter((r) => r.total > 0);
    const total = known.reduce((n, r) => n + r.total, 0);
    const sent = known.reduce((n, r) => n + r.sent, 0);
    d.hub.emit('activity', { activeUploads: running.size, progress: total > 0 ? Math.min(1, sent / total) : null });
  };
  const onState = (id: string, r: Running) => (state: UploadState) => {
    if (state.kind === 'uploading' || state.kind === 'sending-parts') {
      r.sent = state.progress.bytesSent;
      r.total = state.progress.totalBytes;
      publishActivity();
    }
    d.hub.emit('uploads:state', { id, state });
  };
  const settle = (id: string, state: UploadState): void => {
    running.delete(id);
    if (state.kind === 'succeeded') batch.succeeded += 1;
    else if (state.kind === 'failed') batch.failed += 1;
    // A duplicate the guard held back was not sent, as if cancelled.
    else if (state.kind === 'cancelled' || state.kind === 'duplicate') batch.cancelled += 1;
    publishActivity();
    if (running.size === 0) {
      d.hub.emit('queue:settled', batch);
      batch = { succeeded: 0, failed: 0, cancelled: 0 };
    }
  };

  const begin = async (request: UploadRequest, r: Running): Promise<UploadState> => {
    const report = onState(request.id, r);
    const refused = d.refuse?.(request);
    if (refused) {
      report({ kind: 'failed', error: toErrorInfo(refused) });
      return { kind: 'failed', error: toErrorInfo(refused) };
    }
    const { apiUrl, token, sandbox } = await d.connection();
    if (!token) {
      const error = new LexerError('no-token', 'No API token is saved, so nothing was sent.', { hint: 'Open Settings and paste your API token from the Hub.' });
      report({ kind: 'failed', error: toErrorInfo(error) });
      return { kind: 'failed', error: toErrorInfo(error) };
    }
    report({ kind: 'pending' });
    // The engine queues the file itself (a slot to prepare it, then one per part); cancelling a
    // queued upload takes it out of the queue at once.
    return runUpload({
      request, signal: r.controller.signal, onState: report, settings: d.sendSettings(),
      run: {
        apiUrl, token, sandbox, queue: queueFor(d.concurrency()), history: d.history, ledgerDir: d.ledgerDir, tempRoot: d.tempRoot,
        audience: 'app', proxyFor: d.resolveProxy, tuning: d.tuning,
      },
    });
  };

  return {
    queue: () => queueFor(d.concurrency()),
    start(request) {
      const existing = running.get(request.id);
      if (existing) return existing.promise;
      const r: Running = { path: request.path, controller: new AbortController(), promise: Promise.resolve({ kind: 'pending' }), sent: 0, total: 0 };
      running.set(request.id, r);
      publishActivity();
      r.promise = begin(request, r)
        .catch((error: unknown): UploadState => {
          const state: UploadState = { kind: 'failed', error: toErrorInfo(error) };
          d.hub.emit('uploads:state', { id: request.id, state });
          return state;
        })
        .then((state) => {
          settle(request.id, state);
          return state;
        });
      return r.promise;
    },
    cancel(id) {
      const r = running.get(id);
      if (!r) return false;
      r.controller.abort();
      return true;
    },
    reads: (path) => [...running.values()].some((r) => r.path === path),
    dispose() {
      for (const r of running.values()) r.controller.abort();
    },
  };
}
