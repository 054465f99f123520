/**
 * The one upload sequence, shared by `lexer-upload upload`, the app and the folder watcher
 * (issues 11 and 12): the duplicate guard, History, the file's checks, checking every record,
 * compressing or cutting into parts, then each part requested and sent with its own retries.
 *
 *   duplicate guard -> History: Pending -> (queue slot) checks, records, prepare -> In Progress
 *   -> parts through the queue -> Success (every part sent) | Failed | Cancelled
 */
import { basename } from 'node:path';
import { describeDuplicate, findDuplicate, type DuplicateMatch } from '../dedupe/find-duplicate.js';
import { fingerprintFile } from '../dedupe/fingerprint.js';
import { LexerError, toLexerError } from '../errors.js';
import { findConversion, type ConversionRecord } from '../history/conversion-ledger.js';
import type { HistoryPart } from '../history/upload-history.js';
import type { PreparedUpload } from '../parts/prepare-upload.js';
import { MAX_PART_BYTES } from '../parts/part-size.js';
import type { CleanCopy } from '../pipeline/clean-copy.js';
import type { Framing } from '../pipeline/validate-ndjson.js';
import { isGzip } from '../pipeline/validation/open-input.js';
import { checkSupportedFile } from '../files/supported-file.js';
import { checkReadableFile } from '../upload/preflight.js';
import { InvalidRecords, checkRecords } from './check-records.js';
import { gzipName, plainName, splitFormat, wantsGzip } from './send-format.js';
import { openEntry, type EntryWriter } from './send-history.js';
import { queueParts, type PartJob, type PartsRun } from './send-parts.js';
import { findResumable, partsSentBefore } from './resume-parts.js';
import type { PartResult, SendContext, SendOutcome, SendRequest } from './send-types.js';

/** What the file's queue slot hands on: the parts on their way, or a duplicate found late. */
type Prepared = {
  kind: 'sending'; run: Promise<PartsRun>; prepared: PreparedUpload; copy: CleanCopy | null;
  /** The whole file's name as sent (an earlier try's, when this one completes it). */
  filename: string;
  cleaned: Framing | null;
}
  | { kind: 'duplicate'; match: DuplicateMatch; copy: CleanCopy | null };

/**
 * Looks the file up in History: the same content already sent to the same destination, under any
 * name (a fingerprint first; the whole file is read only when one matches). With `allowDuplicate`
 * only the fingerprint is taken, to record. A file that cannot be read is left to the checks.
 */
async function duplicateCheck(path: string, req: SendRequest, ctx: SendContext): Promise<{ fingerprint: string | null; match: DuplicateMatch | null }> {
  try {
    if (req.allowDuplicate || !ctx.history) return { fingerprint: await fingerprintFile(path), match: null };
    ctx.onEvent({ kind: 'checking-duplicate' });
    const check = await findDuplicate(path, req.destination, ctx.history.list());
    return { fingerprint: check.fingerprint, match: check.match };
  } catch {
    return { fingerprint: null, match: null };
  }
}

function duplicateError(match: DuplicateMatch): LexerError {
  return new LexerError('duplicate', describeDuplicate(match));
}

/** Parts not sent when the file ended (another part failed, or a cancel) are recorded as Cancelled. */
function ended(results: readonly PartResult[]): PartResult[] {
  return results.map((p) => (p.status === 'Pending' || p.status === 'In Progress' ? { ...p, status: 'Cancelled' } : p));
}

function historyParts(results: readonly PartResult[]): HistoryPart[] {
  return results.map(({ index, filename, status, bytes, uploadId }) => ({ index, filename, status, bytes, uploadId }));
}

/** Compresses or cuts the file when it must be (gzip on, or over the part size); else sends it as it is. */
async function prepare(path: string, filename: string, req: SendRequest, ctx: SendContext, o: { compress: boolean; signal: AbortSignal; partBytes: number; level: number; format: ReturnType<typeof splitFormat> }): Promise<PreparedUpload> {
  const size = (await checkReadableFile(path)).bytes;
  if (!o.compress && size <= o.partBytes) {
    const part = { index: 1, count: 1, filename, path, bytes: size };
    return { parts: [part], compressed: false, sourceBytes: size, sourceSha256: null, sentBytes: size, dispose: async () => {} };
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

/**
 * Sends one file the whole way and records it in History; never throws, the outcome says how it
 * ended. A duplicate is refused before History gets an entry. Temporary files (a compressed
 * copy, parts, a cleaned copy) are removed once the upload has ended, either way.
 */
export async function sendFile(req: SendRequest, ctx: SendContext): Promise<SendOutcome> {
  const onHistoryError = ctx.onHistoryError ?? (() => undefined);
  const cancelled = (): LexerError => new LexerError('cancelled', `The upload of ${req.label} was cancelled.`);
  let entry: EntryWriter = { id: null, update: async () => {} };
  let parts: PartResult[] | null = null;
  let slot: Prepared | null = null;
  let conversion: ConversionRecord | null = null;
  try {
    if (ctx.signal.aborted) throw cancelled();
    const format = splitFormat([req.filename, req.path], req.destination);
    const alreadyGzip = await isGzip(req.path).catch(() => false);
    const compress = wantsGzip(req.gzip, format) && !alreadyGzip;
    const filename = compress || alreadyGzip ? gzipName(req.filename) : plainName(req.filename);
    const dup = await duplicateCheck(req.path, req, ctx);
    if (dup.match) return { kind: 'duplicate', error: duplicateError(dup.match), match: dup.match };
    conversion = await findConversion(ctx.ledgerDir, req.path).catch(() => null);
    const sourceBytes = await checkReadableFile(req.path).then((s) => s.bytes, () => 0);
    entry = await openEntry(ctx.history, {
      filePath: req.path, filename, bytes: sourceBytes, sourceBytes,
      datasetId: req.destination?.datasetId ?? null, recordType: req.destination?.recordType ?? null,
      sandbox: ctx.sandbox, sourceName: req.sourceName ?? basename(conversion?.source ?? req.path),
      ...(req.requestId ? { requestId: req.requestId } : {}),
      recordsSent: conversion?.written ?? null, recordsLeftOut: conversion?.rejected ?? null,
      ...(dup.fingerprint ? { fingerprint: dup.fingerprint } : {}),
    }, onHistoryError);
    ctx.onEvent({ kind: 'queued' });

    // Checks, records and preparing take one queue slot; the parts are queued from inside it.
    slot = await ctx.queue.add(async (signal): Promise<Prepared> => {
      // The card refuses these already; checked again, so nothing Lexer cannot load is reported sent.
      const unsupported = await checkSupportedFile(req.path, { audience: ctx.audience });
      if (unsupported) throw unsupported;
      await checkReadableFile(req.path);
      const checked = await checkRecords(req, { conversion, audience: ctx.audience, signal, emit: ctx.onEvent });
      if (checked.copy && !req.allowDuplicate) {
        // The cleaned copy is what goes to Lexer: an earlier upload of it is a duplicate too.
        const late = await duplicateCheck(checked.copy.path, req, ctx);
        if (late.match) return { kind: 'duplicate', match: late.match, copy: checked.copy };
      }
      const partBytes = req.partBytes ?? MAX_PART_BYTES;
      const level = req.gzipLevel ?? (await import('../compress/gzip-file.js')).DEFAULT_GZIP_LEVEL;
      let prepared: PreparedUpload;
      try {
        prepared = await prepare(checked.path, filename, req, ctx, { compress, signal, partBytes, level, format });
      } catch (error) {
        await checked.copy?.dispose();
        throw error;
      }
      const plan = { partBytes, gzipLevel: prepared.compressed ? level : null };
      const earlier = prepared.parts.length > 1 && dup.fingerprint && ctx.history
        ? findResumable(ctx.history.list(), { fingerprint: dup.fingerprint, destination: req.destination, ...plan })
        : null;
      const sentBefore = partsSentBefore(earlier, prepared);
      const earlierName = (i: number): string | undefined => (sentBefore.size > 0 ? earlier?.parts?.[i]?.filename : undefined);
      const jobs: PartJob[] = prepared.parts.map((p, i) => ({
        ref: { index: p.index, count: p.count, filename: earlierName(i) ?? p.filename, bytes: p.bytes },
        path: p.path,
        earlierUploadId: sentBefore.get(p.index) ?? null,
      }));
      if (jobs.length > 1) {
        ctx.onEvent({
          kind: 'parts-planned', parts: jobs.map((j) => j.ref), sentBytes: prepared.sentBytes, sourceBytes: prepared.sourceBytes,
          compressed: prepared.compressed, earlier: jobs.flatMap((j) => (j.earlierUploadId === null ? [] : [{ index: j.ref.index, uploadId: j.earlierUploadId }])),
        });
      }
      ctx.onEvent({ kind: 'started', bytes: prepared.sentBytes });
      await entry.update({
        status: 'In Progress', startedAt: new Date().toISOString(), bytes: prepared.sentBytes, sourceBytes: prepared.sourceBytes,
        compressed: prepared.compressed, plan, ...(sentBefore.size > 0 && earlier ? { filename: earlier.filename } : {}),
        ...(prepared.sourceSha256 ? { sourceSha256: prepared.sourceSha256 } : {}),
      });
      const run = queueParts(jobs, {
        ctx, destination: req.destination, hashWhole: prepared.sourceSha256 === null && jobs.length === 1,
        onChange: (results) => {
          parts = [...results];
          if (results.length > 1) void entry.update({ parts: historyParts(results) });
        },
      });
      const cleaned = checked.copy && checked.validation ? checked.validation.framing : null;
      return { kind: 'sending', run, prepared, copy: checked.copy, filename: sentBefore.size > 0 && earlier ? earlier.filename : filename, cleaned };
    }, { signal: ctx.signal });

    if (slot.kind === 'duplicate') {
      const error = duplicateError(slot.match);
      await entry.update({ status: 'Failed', error: error.toJSON(), finishedAt: new Date().toISOString() });
      return { kind: 'duplicate', error, match: slot.match };
    }
    const run = await slot.run;
    const { prepared } = slot;
    const results = ended(run.results);
    parts = results;
    // Success only when every part is (issue 11); a part left unsent means a failure or a cancel.
    if (!results.every((p) => p.status === 'Success')) throw run.error ?? cancelled();
    const whole = results.length === 1 ? results[0] : undefined;
    const sourceSha256 = prepared.sourceSha256 ?? run.sha256;
    await entry.update({
      status: 'Success', uploadId: whole?.uploadId ?? null, bytes: prepared.sentBytes, finishedAt: new Date().toISOString(), error: null,
      ...(sourceSha256 ? { sourceSha256 } : {}), ...(results.length > 1 ? { parts: historyParts(results) } : {}),
    });
    return {
      kind: 'success', filename: slot.filename, uploadId: whole?.uploadId ?? null, bytes: prepared.sentBytes, sourceBytes: prepared.sourceBytes,
      compressed: prepared.compressed, parts: results, conversion, cleaned: slot.cleaned, sourceSha256,
    };
  } catch (thrown) {
    const validation = thrown instanceof InvalidRecords ? thrown.validation : null;
    const cause = thrown instanceof InvalidRecords ? thrown.error : thrown;
    const error = ctx.signal.aborted && !(cause instanceof LexerError && cause.code !== 'cancelled') ? cancelled() : toLexerError(cause);
    const isCancel = error.code === 'cancelled';
    const lines = parts ? ended(parts) : null;
    await entry.update({
      status: isCancel ? 'Cancelled' : 'Failed', error: error.toJSON(), finishedAt: new Date().toISOString(),
      ...(lines && lines.length > 1 ? { parts: historyParts(lines) } : {}),
    });
    return isCancel ? { kind: 'cancelled', error, parts: lines } : { kind: 'failed', error, validation, parts: lines };
  } finally {
    if (slot?.kind === 'sending') await slot.prepared.dispose();
    await slot?.copy?.dispose();
  }
}
