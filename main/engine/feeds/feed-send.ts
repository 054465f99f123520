/**
 * One file of a watched folder through the one upload sequence (main/engine/send/send-file.ts), as the
 * app does for a dropped file: converted first when the feed says so, named by Lexer's rules,
 * then the duplicate guard, checks, every record checked, gzip, parts, retries and History (with
 * the feed named). The result says what the feed does with the file next.
 */
import { access, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { LexerError, toLexerError } from '../errors.js';
import type { ValidationResult } from '../pipeline/validate-ndjson.js';
import { recordCounts, type ConvertedFile } from '../send/convert-to-send.js';
import { sendFile } from '../send/send-file.js';
import { recordNotSent } from '../send/send-history.js';
import type { SendContext, SendOutcome } from '../send/send-types.js';
import type { TakenFingerprint } from '../send/taken-fingerprint.js';
import type { FeedConfig } from './feed-config.js';
import { convertForFeed, convertible } from './feed-convert.js';
import { feedFileName } from './feed-file-name.js';
import { feedHint } from './feed-hints.js';

/**
 * What became of one file, and so what the feed does with it. `historyId` is the History entry
 * that follows the file when it is moved; `entryId` the upload's entry whatever it names (the
 * NDJSON a conversion sent, too), for the feed's events.
 */
export type FeedFileResult =
  | { readonly kind: 'sent'; readonly filename: string; readonly uploadIds: readonly string[]; readonly bytes: number; readonly recordsSent: number | null; readonly recordsLeftOut: number | null; readonly historyId: string | null; readonly entryId: string | null }
  /** Already sent (the same content to the same destination): not sent again. */
  | { readonly kind: 'duplicate'; readonly message: string }
  /** Trying again will not help until someone acts: the file goes to failed/ with the reason. */
  | { readonly kind: 'needs-user'; readonly error: LexerError; readonly details: readonly string[]; readonly historyId?: string | null; readonly entryId?: string | null }
  /** Retryable (network, 5xx, 429 and the like), after the sequence's own retries: the file stays, to be tried later. */
  | { readonly kind: 'transient'; readonly error: LexerError; readonly historyId?: string | null; readonly entryId?: string | null }
  /** It changed or went away while it was being sent: it waits for a quiet period again (or is gone). */
  | { readonly kind: 'changed' }
  | { readonly kind: 'cancelled' };

/** How many problems an error file lists. */
const SHOWN = 20;

/** The invalid records, as the error file lists them: counts by field and rule, then the first lines. */
function recordDetails(v: { summary: ValidationResult['summary']; errors: ValidationResult['errors'] }, position = 'line'): string[] {
  return [
    ...(v.summary.length > 0 ? ['Invalid records by field and rule:'] : []),
    ...v.summary.map((g) => `  ${g.count} x ${g.field || '(record)'}: ${g.rule}`),
    ...(v.errors.length > 0 ? [`First problems (${position} numbers in the file):`] : []),
    ...v.errors.slice(0, SHOWN).map((e) => `  ${position} ${e.line}: ${e.message}`),
  ];
}

const isCsvForDataset = (file: string): boolean => !/\.(ndjson|jsonl|json)(\.gz)?$/i.test(file) && !/^[^.]+\.gz$/i.test(basename(file));

/**
 * Whether the feed converts this file before sending: a CSV when the feed converts; when e-mails
 * leave only hashed, NDJSON and JSON too (their clean step hashes them).
 */
function converts(file: string, feed: FeedConfig): boolean {
  if (!feed.destination) return false;
  return convertible(file) ? feed.convert !== null : feed.hashEmails === true && !isCsvForDataset(file);
}

/** What to do about a file that would leave with clear e-mail addresses, in the words of the feed's settings. */
function hashHint(hasDestination: boolean, audience: 'app' | 'cli'): string {
  if (audience === 'app') {
    return hasDestination
      ? 'On the Watched folders tab, choose Change settings for this folder and tick "Convert CSV files to NDJSON", so its e-mail addresses are hashed first; then move the file back into the folder.'
      : 'Give the folder a dataset and record type (the record type says which fields hold e-mail addresses) and tick converting; then move the file back into the folder.';
  }
  return hasDestination
    ? 'Run the watch with --convert, so its e-mail addresses are hashed first; then move the file back into the folder.'
    : 'Run the watch with --dataset-id ID --record-type TYPE --convert: the record type says which fields hold e-mail addresses; then move the file back into the folder.';
}

function fromOutcome(outcome: SendOutcome, converted: ConvertedFile | null): FeedFileResult {
  // The entry whose file is the one the feed moves. A conversion's entry names the NDJSON sent
  // (a temporary file), and Retry of it would open the CSV under the NDJSON's name: left as it is.
  const entryId = outcome.kind === 'duplicate' ? null : outcome.historyId;
  const followed = converted ? null : entryId;
  switch (outcome.kind) {
    case 'success': {
      const uploadIds = outcome.uploadId ? [outcome.uploadId] : outcome.parts.flatMap((p) => (p.uploadId ? [p.uploadId] : []));
      return {
        kind: 'sent', filename: outcome.filename, uploadIds, bytes: outcome.bytes, recordsSent: converted ? recordCounts(converted.result).written : null,
        recordsLeftOut: converted ? recordCounts(converted.result).rejected : null, historyId: followed, entryId,
      };
    }
    case 'duplicate':
      return { kind: 'duplicate', message: outcome.error.message };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'failed': {
      const { error } = outcome;
      if (error.code === 'file-changed') return { kind: 'changed' };
      if (error.retryable) return { kind: 'transient', error, historyId: followed, entryId };
      return { kind: 'needs-user', error, details: outcome.validation ? recordDetails(outcome.validation) : [], historyId: followed, entryId };
    }
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/**
 * A file the feed refused before sending it (conversion, date order, columns, invalid rows): its
 * History entry (Failed, with the reason and the feed), so History lists every file a feed took.
 * Its `filePath` is the file itself, which the entry follows to failed/.
 */
async function refused(file: string, feed: FeedConfig, ctx: SendContext, r: { error: LexerError; details: readonly string[]; converted?: ConvertedFile | null }): Promise<FeedFileResult> {
  const { destination } = feed;
  const error = new LexerError(r.error.code, r.error.message, { hint: feedHint(r.error, ctx.audience), retryable: r.error.retryable });
  const bytes = await stat(file).then((s) => s.size, () => 0);
  const result = r.converted?.result;
  const historyId = await recordNotSent(ctx.history, {
    filePath: file, filename: feedFileName(file, destination), bytes, sourceBytes: bytes, sourceName: basename(file), feed: feed.path,
    datasetId: destination?.datasetId ?? null, recordType: destination?.recordType ?? null, sandbox: ctx.sandbox,
    ...(result ? { recordsSent: 0, recordsLeftOut: recordCounts(result).rejected } : {}),
  }, error, ctx.onHistoryError ?? (() => undefined));
  if (error.retryable) return { kind: 'transient', error, historyId };
  return { kind: 'needs-user', error, details: r.details, historyId };
}

/**
 * Sends one complete file of `feed`; never throws. `ctx` is the send context of the run (the
 * shared queue, rate limiter, History), with the signal that stops the feed. `fingerprint` is the
 * one the feed took of the file, handed to the duplicate guard when the file goes as it is.
 * `readPath` is where its bytes are read: the descriptor the feed checked (feed-take.ts), under
 * the file's own name; `file` is what messages and History name.
 */
export async function sendFeedFile(file: string, feed: FeedConfig, ctx: SendContext, fingerprint: TakenFingerprint | null = null, readPath = file): Promise<FeedFileResult> {
  let converted: ConvertedFile | null = null;
  try {
    const { destination } = feed;
    if (feed.hashEmails && !converts(file, feed)) {
      const error = new LexerError('usage', `${basename(file)} would be sent as it is, but e-mail addresses leave this computer only hashed, so it was not sent.`, {
        hint: hashHint(destination !== null, ctx.audience),
      });
      return await refused(file, feed, ctx, { error, details: [] });
    }
    if (destination && converts(file, feed)) {
      converted = await convertForFeed(readPath, destination, {
        mapping: feed.convert?.mapping ?? null, dateOrder: feed.convert?.dateOrder, leaveOutInvalidFields: feed.convert?.leaveOutInvalidFields, encoding: feed.convert?.encoding,
        hashEmails: feed.hashEmails, tempRoot: ctx.tempRoot, ledgerDir: ctx.ledgerDir, signal: ctx.signal,
      });
      const r = converted.result;
      if (feed.validate && r.rejected > 0) {
        const what = r.orders ? `${r.orders.refused} of the ${r.orders.written + r.orders.refused} orders (${r.rejected} of the ${r.rows} lines)` : `${r.rejected} of the ${r.rows} rows`;
        const error = new LexerError('invalid-records', `${what} of ${basename(file)} are not valid ${destination.recordType} records, so nothing was sent.`);
        return await refused(file, feed, ctx, { error, details: recordDetails(r, r.position), converted });
      }
    } else if (destination && isCsvForDataset(file)) {
      const error = new LexerError('not-ndjson', `${basename(file)} is not NDJSON, and Lexer loads only NDJSON into a dataset.`, {
        hint: feed.convert ? 'A compressed CSV is not converted here: put the plain .csv in the folder, or export NDJSON.' : undefined,
      });
      return await refused(file, feed, ctx, { error, details: [] });
    }
    const path = converted?.result.output ?? readPath;
    const outcome = await sendFile({
      path, ...(converted ? {} : { filePath: file }), label: basename(file), filename: feedFileName(path, destination), destination,
      ...(feed.gzip !== undefined ? { gzip: feed.gzip } : {}),
      ...(feed.gzipLevel !== undefined ? { gzipLevel: feed.gzipLevel } : {}),
      ...(feed.partBytes !== undefined ? { partBytes: feed.partBytes } : {}),
      // A conversion checked every row it wrote.
      validate: feed.validate && destination && !converted ? 'all-valid-or-clean' : 'off',
      allowDuplicate: false, sourceName: basename(file), feed: feed.path,
      // A conversion's output is another file: the guard fingerprints that one.
      ...(fingerprint && !converted ? { fingerprint } : {}),
    }, ctx);
    const result = fromOutcome(outcome, converted);
    // A file moved away while it was sent: nothing left to do with it.
    if (result.kind === 'needs-user' && (await access(file).then(() => false, () => true))) return { kind: 'changed' };
    return result;
  } catch (thrown) {
    const error = toLexerError(thrown);
    if (ctx.signal.aborted || error.code === 'cancelled') return { kind: 'cancelled' };
    return refused(file, feed, ctx, { error, details: [] });
  } finally {
    await converted?.dispose();
  }
}
