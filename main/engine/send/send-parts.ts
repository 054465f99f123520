/**
 * Sending a file's parts: each is requested and uploaded on its own, with its own retries (a part
 * that fails is retried alone), through the same queue and rate limiter as every other upload, so
 * parts go in parallel up to the concurrency. They are queued ahead of files still
 * waiting, so a file that has started finishes first.
 */
import type { ContentHash } from '../dedupe/content-hash.js';
import { LexerError, toLexerError } from '../errors.js';
import type { UploadEvent } from '../upload/upload-events.js';
import { uploadFile, type UploadFileOptions, type UploadLink } from '../upload/upload-file.js';
import type { PartRef, PartResult, SendContext, SendDestination, SendEvent } from './send-types.js';

/** One part to send, or one an earlier try already sent. */
export interface PartJob {
  readonly ref: PartRef;
  readonly path: string;
  /** Lexer's upload id when an earlier try sent this part: it is not sent again. */
  readonly earlierUploadId: string | null;
}

/** How the parts went. */
export interface PartsRun {
  readonly results: readonly PartResult[];
  /** The first part that failed for good (its retries used up), null when none did. */
  readonly error: LexerError | null;
  /** The content hash of a part sent as it is (the whole file, when sent unprepared). */
  readonly contentHash: ContentHash | null;
}

/** How every request of a send goes: its API, token, rate limiter, proxies and tuning. */
export function uploadOptions(ctx: SendContext, signal: AbortSignal): UploadFileOptions {
  return { ...ctx.tuning, apiUrl: ctx.apiUrl, token: ctx.token, signal, limiter: ctx.limiter, ...(ctx.proxyFor ? { proxyFor: ctx.proxyFor } : {}) };
}

/** A link asked for ahead for the part sent under `filename`. */
export interface LinkAhead {
  readonly filename: string;
  readonly link: Promise<UploadLink | null>;
}

/** Queue priority of parts: above files waiting to be prepared (0). */
const PART_PRIORITY = 1;

/** A part's event from the engine's, or null for one nobody shows. */
function partEvent(e: UploadEvent, part: PartRef): SendEvent | null {
  switch (e.kind) {
    case 'checking-file':
      return null;
    case 'requesting-url':
      return { kind: 'requesting-url', attempt: e.attempt, part };
    case 'uploading':
      return { kind: 'uploading', attempt: e.attempt, progress: e.progress, part };
    case 'retrying':
      return { kind: 'retrying', attempt: e.attempt, reason: e.reason, delayMs: e.delayMs, part };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

/** A part's failure named by the part, when the file has several. */
function partError(error: LexerError, part: PartRef): LexerError {
  if (part.count === 1 || error.code === 'cancelled') return error;
  return new LexerError(error.code, `Part ${part.index} of ${part.count} (${part.filename}) was not sent: ${error.message}`, {
    hint: `${error.hint ? `${error.hint} ` : ''}Retry sends only the parts not sent yet.`,
    retryable: error.retryable,
    cause: error,
  });
}

/**
 * Queues every part not sent before and resolves once each has ended. Call it from inside the
 * file's own queue slot: the parts are then queued before that slot frees, so they go next.
 * After a part fails for good, parts that have not started are left unsent (a Retry sends them);
 * those already going finish. `onChange` sees the results each time a part starts or ends.
 */
export function queueParts(
  jobs: readonly PartJob[],
  o: { ctx: SendContext; destination: SendDestination | null; hashWhole: boolean; linkAhead?: LinkAhead | null; onChange: (results: readonly PartResult[]) => void },
): Promise<PartsRun> {
  const { ctx } = o;
  const results: PartResult[] = jobs.map((j) => ({
    index: j.ref.index, filename: j.ref.filename, bytes: j.ref.bytes,
    status: j.earlierUploadId === null ? 'Pending' : 'Success', uploadId: j.earlierUploadId, earlier: j.earlierUploadId !== null,
  }));
  const set = (i: number, patch: Partial<PartResult>): void => {
    results[i] = { ...(results[i] as PartResult), ...patch };
    o.onChange([...results]);
  };
  const stop = new AbortController();
  let failure: LexerError | null = null;
  let contentHash: ContentHash | null = null;

  const send = async (job: PartJob, i: number, signal: AbortSignal): Promise<void> => {
    if (stop.signal.aborted) return;
    set(i, { status: 'In Progress' });
    try {
      const r = await uploadFile(
        { filePath: job.path, filename: job.ref.filename, ...(o.destination ? { destination: o.destination } : {}) },
        {
          ...uploadOptions(ctx, signal),
          hashFile: o.hashWhole,
          ...(o.linkAhead?.filename === job.ref.filename ? { linkAhead: o.linkAhead.link } : {}),
          onEvent: (e) => {
            const event = partEvent(e, job.ref);
            if (event) ctx.onEvent(event);
          },
        },
      );
      contentHash = r.contentHash;
      set(i, { status: 'Success', uploadId: r.uploadId });
      ctx.onEvent({ kind: 'part-done', part: job.ref, uploadId: r.uploadId });
    } catch (thrown) {
      const error = signal.aborted ? new LexerError('cancelled', `The upload of ${job.ref.filename} was cancelled.`) : toLexerError(thrown);
      set(i, { status: error.code === 'cancelled' ? 'Cancelled' : 'Failed' });
      if (error.code === 'cancelled') return;
      failure ??= partError(error, job.ref);
      stop.abort();
      ctx.onEvent({ kind: 'part-failed', part: job.ref, error });
    }
  };

  const queued = jobs.map((job, i) => {
    if (job.earlierUploadId !== null) return Promise.resolve();
    return ctx.queue.add((signal) => send(job, i, signal), { priority: PART_PRIORITY, signal: ctx.signal })
      // Removed from the queue before it started: the whole upload was cancelled.
      .catch(() => void (results[i]?.status === 'Pending' && set(i, { status: 'Cancelled' })));
  });
  return Promise.all(queued).then(() => ({ results, error: failure, contentHash }));
}
