/**
 * A file's turn in the queue (main/engine/send/send-file.ts): compressed or cut into parts when it must
 * be, what an earlier try of the same content already sent left out, History marked In
 * Progress, and the parts queued while the file still holds its slot, so they go next.
 */
import type { DuplicateMatch } from '../dedupe/find-duplicate.js';
import type { HistoryEntry, HistoryPart } from '../history/upload-history.js';
import { MAX_PART_BYTES, compressesIntoOnePart } from '../parts/part-size.js';
import type { SplitFormat } from '../parts/prepare-upload.js';
import { sentAsIs, type PreparedUpload } from '../parts/prepared-upload.js';
import type { CleanCopy } from '../pipeline/clean-copy.js';
import type { Framing } from '../pipeline/validate-ndjson.js';
import { checkReadableFile } from '../upload/preflight.js';
import type { CheckedRecords } from './check-records.js';
import { findResumable, partsSentBefore } from './resume-parts.js';
import type { EntryWriter } from './send-history.js';
import { requestLinkAhead } from '../upload/upload-file.js';
import { queueParts, uploadOptions, type LinkAhead, type PartJob, type PartsRun } from './send-parts.js';
import type { PartResult, SendContext, SendRequest } from './send-types.js';

/** What the file's queue slot hands on: the parts on their way, or a duplicate found late. */
export type Prepared = {
  kind: 'sending'; run: Promise<PartsRun>; prepared: PreparedUpload; copy: CleanCopy | null;
  /** The whole file's name as sent (an earlier try's, when this one completes it). */
  filename: string;
  cleaned: Framing | null;
}
  | { kind: 'duplicate'; match: DuplicateMatch; copy: CleanCopy | null };

/** The parts as History keeps them. */
export function historyParts(results: readonly PartResult[]): HistoryPart[] {
  return results.map(({ index, filename, status, bytes, uploadId }) => ({ index, filename, status, bytes, uploadId }));
}

/** Compresses or cuts the file when it must be (gzip on, or over the part size); else sends it as it is. */
async function prepare(path: string, filename: string, ctx: SendContext, o: { compress: boolean; signal: AbortSignal; partBytes: number; level: number; format: SplitFormat }): Promise<PreparedUpload> {
  const size = (await checkReadableFile(path)).bytes;
  if (!o.compress && size <= o.partBytes) {
    return sentAsIs(path, filename, size);
  }
  // Loaded only to prepare: compression and splitting are not needed to send a file as it is.
  const { prepareUpload } = await import('../parts/prepare-upload.js');
  return prepareUpload({ sourcePath: path, filename, format: o.format, gzip: o.compress }, {
    partBytes: o.partBytes, level: o.level, signal: o.signal, ...(ctx.tempRoot ? { tempRoot: ctx.tempRoot } : {}),
    onProgress: (p) => ctx.onEvent(p.step === 'compressing'
      ? { kind: 'compressing', bytesRead: p.bytesRead, totalBytes: p.totalBytes, bytesWritten: p.bytesWritten }
      : { kind: 'splitting', bytesRead: p.bytesRead, totalBytes: p.totalBytes, bytesWritten: p.bytesWritten, parts: p.parts }),
  });
}

/** The parts to send: the prepared ones, less those an earlier try of the same content sent (under that try's names). */
function partJobs(prepared: PreparedUpload, earlier: HistoryEntry | null): { jobs: PartJob[]; resumed: HistoryEntry | null } {
  const sentBefore = partsSentBefore(earlier, prepared);
  const resumed = sentBefore.size > 0 ? earlier : null;
  const jobs = prepared.parts.map((p, i) => ({
    ref: { index: p.index, count: p.count, filename: resumed?.parts?.[i]?.filename ?? p.filename, bytes: p.bytes },
    path: p.path,
    earlierUploadId: sentBefore.get(p.index) ?? null,
  }));
  return { jobs, resumed };
}

/**
 * Inside the file's queue slot: compresses or cuts it, finds what an earlier try already sent,
 * marks History In Progress and queues the parts (before the slot frees, so they go next).
 */
export async function prepareAndQueue(
  checked: CheckedRecords, req: SendRequest, ctx: SendContext,
  o: { entry: EntryWriter; filename: string; compress: boolean; format: SplitFormat; fingerprint: string | null; signal: AbortSignal; onParts: (results: PartResult[]) => void },
): Promise<Prepared> {
  const partBytes = req.partBytes ?? MAX_PART_BYTES;
  const level = req.gzipLevel ?? (await import('../compress/gzip-file.js')).DEFAULT_GZIP_LEVEL;
  // A file compressed into one part goes under the name known now: ask for its link while it
  // compresses, so the API call (and loading the HTTP client) costs no time of its own.
  const size = o.compress ? (await checkReadableFile(checked.path)).bytes : Infinity;
  const linkAhead: LinkAhead | null = compressesIntoOnePart(size, partBytes)
    ? { filename: o.filename, link: requestLinkAhead({ filename: o.filename, ...(req.destination ? { destination: req.destination } : {}) }, uploadOptions(ctx, ctx.signal)) }
    : null;
  const prepared = await prepare(checked.path, o.filename, ctx, { compress: o.compress, signal: o.signal, partBytes, level, format: o.format });
  try {
    const plan = { partBytes, gzipLevel: prepared.compressed ? level : null };
    const earlier = prepared.parts.length > 1 && o.fingerprint && ctx.history
      ? findResumable(ctx.history.list(), { fingerprint: o.fingerprint, destination: req.destination, connection: ctx, ...plan })
      : null;
    const { jobs, resumed } = partJobs(prepared, earlier);
    if (jobs.length > 1) {
      ctx.onEvent({
        kind: 'parts-planned', parts: jobs.map((j) => j.ref), sentBytes: prepared.sentBytes, sourceBytes: prepared.sourceBytes,
        compressed: prepared.compressed, earlier: jobs.flatMap((j) => (j.earlierUploadId === null ? [] : [{ index: j.ref.index, uploadId: j.earlierUploadId }])),
      });
    }
    ctx.onEvent({ kind: 'started', bytes: prepared.sentBytes });
    const filename = resumed?.filename ?? o.filename;
    await o.entry.update({
      status: 'In Progress', startedAt: new Date().toISOString(), bytes: prepared.sentBytes, sourceBytes: prepared.sourceBytes,
      compressed: prepared.compressed, plan, filename, ...(prepared.contentHash ? { contentHash: prepared.contentHash } : {}),
    });
    const run = queueParts(jobs, {
      ctx, destination: req.destination, hashWhole: prepared.contentHash === null && jobs.length === 1, linkAhead,
      onChange: (results) => {
        o.onParts([...results]);
        if (results.length > 1) void o.entry.update({ parts: historyParts(results) });
      },
    });
    const cleaned = checked.copy && checked.validation ? checked.validation.framing : null;
    return { kind: 'sending', run, prepared, copy: checked.copy, filename, cleaned };
  } catch (error) {
    await prepared.dispose();
    throw error;
  }
}
