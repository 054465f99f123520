/**
 * The one upload sequence, shared by `lexer-upload upload`, the app and the folder watcher:
 * the duplicate guard, History, the file's checks, checking every record,
 * compressing or cutting into parts, then each part requested and sent with its own retries.
 *
 *   duplicate guard -> History: Pending -> (queue slot) checks, records, prepare -> In Progress
 *   -> parts through the queue -> Success (every part sent) | Failed | Cancelled
 */
import { basename } from 'node:path';
import { warmContentHasher } from '../dedupe/content-hash.js';
import { describeDuplicate, findDuplicate, type DuplicateMatch } from '../dedupe/find-duplicate.js';
import { fingerprintFile } from '../dedupe/fingerprint.js';
import { normalApiUrl } from '../dedupe/upload-connection.js';
import { LexerError, toLexerError } from '../errors.js';
import { findConversion, type ConversionRecord } from '../history/conversion-ledger.js';
import { isGzip } from '../io/gzip-magic.js';
import { checkSupportedFile } from '../files/supported-file.js';
import { checkReadableFile } from '../upload/preflight.js';
import { InvalidRecords, checkRecords } from './check-records.js';
import { historyParts, prepareAndQueue, type Prepared } from './prepare-and-queue.js';
import { gzipName, plainName, splitFormat, wantsGzip } from './send-format.js';
import { openEntry, type EntryWriter } from './send-history.js';
import type { PartResult, SendContext, SendOutcome, SendRequest } from './send-types.js';
import { stillCurrent } from './taken-fingerprint.js';

/**
 * Looks the file up in History: the same content already sent to the same destination, under any
 * name (a fingerprint first; the whole file is read only when one matches). With `allowDuplicate`
 * only the fingerprint is taken, to record. A fingerprint the caller took of `path` is used while
 * the file is unchanged since. History is read again first. A file that cannot be read is left to the checks.
 */
async function duplicateCheck(path: string, req: SendRequest, ctx: SendContext): Promise<{ fingerprint: string | null; match: DuplicateMatch | null }> {
  try {
    const known = path === req.path ? await stillCurrent(path, req.fingerprint) : null;
    if (req.allowDuplicate || !ctx.history) return { fingerprint: known ?? await fingerprintFile(path), match: null };
    ctx.onEvent({ kind: 'checking-duplicate' });
    // Read from disk now, not the copy this process holds: another process sharing the file (the
    // app and `lexer-upload`, a watched folder's `watch`) may have sent it since.
    await ctx.history.refresh().catch(() => undefined);
    const check = await findDuplicate(path, req.destination, ctx, ctx.history.list(), undefined, known);
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
    // Whatever way the file goes, its read hashes it: compile the hash beside the checks below.
    warmContentHasher();
    const format = splitFormat([req.filename, req.path], req.destination);
    const alreadyGzip = await isGzip(req.path).catch(() => false);
    const compress = wantsGzip(req.gzip, format) && !alreadyGzip;
    const filename = compress || alreadyGzip ? gzipName(req.filename) : plainName(req.filename);
    const dup = await duplicateCheck(req.path, req, ctx);
    if (dup.match) return { kind: 'duplicate', error: duplicateError(dup.match), match: dup.match };
    conversion = await findConversion(ctx.ledgerDir, req.path).catch(() => null);
    const sourceBytes = await checkReadableFile(req.path).then((s) => s.bytes, () => 0);
    entry = await openEntry(ctx.history, {
      filePath: req.filePath ?? req.path, filename, bytes: sourceBytes, sourceBytes,
      datasetId: req.destination?.datasetId ?? null, recordType: req.destination?.recordType ?? null,
      sandbox: ctx.sandbox, apiUrl: normalApiUrl(ctx.apiUrl), sourceName: req.sourceName ?? basename(conversion?.source ?? req.path),
      ...(req.requestId ? { requestId: req.requestId } : {}),
      ...(req.feed ? { feed: req.feed } : {}),
      recordsSent: conversion?.written ?? null, recordsLeftOut: conversion?.rejected ?? null,
      ...(conversion?.lines !== undefined ? { lines: conversion.lines } : {}),
      ...(conversion?.fieldsLeftOut ? { fieldsLeftOut: conversion.fieldsLeftOut, leftOutFields: conversion.leftOutFields ?? [] } : {}),
      ...(dup.fingerprint ? { fingerprint: dup.fingerprint } : {}),
    }, onHistoryError);
    ctx.onEvent({ kind: 'queued' });

    // Checks, records and preparing take one queue slot; the parts are queued from inside it.
    slot = await ctx.queue.add(async (signal): Promise<Prepared> => {
      // The card refuses these already; checked again, so nothing Lexer cannot load is reported sent.
      const unsupported = await checkSupportedFile(req.path, { audience: ctx.audience, sending: true });
      if (unsupported) throw unsupported;
      await checkReadableFile(req.path);
      const checked = await checkRecords(req, { conversion, audience: ctx.audience, signal, emit: ctx.onEvent });
      if (checked.copy && !req.allowDuplicate) {
        // The cleaned copy is what goes to Lexer: an earlier upload of it is a duplicate too.
        const late = await duplicateCheck(checked.copy.path, req, ctx);
        if (late.match) return { kind: 'duplicate', match: late.match, copy: checked.copy };
      }
      try {
        return await prepareAndQueue(checked, req, ctx, { entry, filename, compress, format, fingerprint: dup.fingerprint, signal, onParts: (results) => (parts = results) });
      } catch (error) {
        await checked.copy?.dispose();
        throw error;
      }
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
    // Success only when every part is; a part left unsent means a failure or a cancel.
    if (!results.every((p) => p.status === 'Success')) throw run.error ?? cancelled();
    const whole = results.length === 1 ? results[0] : undefined;
    const contentHash = prepared.contentHash ?? run.contentHash;
    await entry.update({
      status: 'Success', uploadId: whole?.uploadId ?? null, bytes: prepared.sentBytes, finishedAt: new Date().toISOString(), error: null,
      ...(contentHash ? { contentHash } : {}), ...(results.length > 1 ? { parts: historyParts(results) } : {}),
    });
    return {
      kind: 'success', filename: slot.filename, uploadId: whole?.uploadId ?? null, bytes: prepared.sentBytes, sourceBytes: prepared.sourceBytes,
      compressed: prepared.compressed, parts: results, conversion, cleaned: slot.cleaned, contentHash, historyId: entry.id,
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
    const historyId = entry.id;
    return isCancel ? { kind: 'cancelled', error, parts: lines, historyId } : { kind: 'failed', error, validation, parts: lines, historyId };
  } finally {
    if (slot?.kind === 'sending') await slot.prepared.dispose();
    await slot?.copy?.dispose();
  }
}
