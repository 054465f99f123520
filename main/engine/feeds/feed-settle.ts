/**
 * What a watched folder does with a file once its send has ended, and the event that says so:
 * moved to sent/ (or left, or deleted), moved to failed/ with the reason, or left in the folder
 * to be tried again later (a transient failure), until the tries run out.
 */
import { basename } from 'node:path';
import { LexerError, toErrorInfo } from '../errors.js';
import type { UploadHistory } from '../history/upload-history.js';
import type { FeedConfig } from './feed-config.js';
import type { FeedEvent } from './feed-events.js';
import { settleFailed, settleSent, type Settled } from './feed-moves.js';
import type { FeedFileResult } from './feed-send.js';

/** What becomes of the file after its turn. */
export type AfterTurn =
  /** The feed is done with it (sent, moved to failed/, kept for the next run, or stopped). */
  | { readonly kind: 'done' }
  /** A transient failure: it stays, to be tried again after `delayMs`. */
  | { readonly kind: 'retry'; readonly attempts: number; readonly delayMs: number }
  /** It changed while it was sent: it waits for a quiet period again. */
  | { readonly kind: 'wait-again'; readonly attempts: number };

export interface SettleOptions {
  readonly feed: FeedConfig;
  /** Kept for the next run rather than tried again later. */
  readonly once: boolean;
  /** The waits before each new try; when they run out the file goes to failed/. */
  readonly delaysMs: readonly number[];
  readonly history: UploadHistory | null;
  /** Masked out of the error file. */
  readonly token: string;
  readonly onEvent: (e: FeedEvent) => void;
}

/**
 * Moves `file` as its result says and reports it; `attempts` is how many transient failures it
 * had before this turn. Rejects when a move is refused.
 */
export async function settleFile(file: string, r: FeedFileResult, attempts: number, o: SettleOptions): Promise<AfterTurn> {
  // History's entry follows the file to sent/ or failed/, so its Retry finds the file there (the
  // app only opens files History knows) rather than asking to locate it.
  const followMove = async (historyId: string | null | undefined, movedTo: string | null): Promise<void> => {
    if (historyId && movedTo) await o.history?.update(historyId, { filePath: movedTo }).catch(() => undefined);
  };
  // What could not be done (a refused sent/, a note not written) is said once, after how the file ended.
  const problem = (settled: Settled): void => {
    if (settled.problem) o.onEvent({ kind: 'problem', file, message: settled.problem });
  };
  switch (r.kind) {
    case 'sent': {
      const settled = await settleSent(file, o.feed.path, o.feed.after, null);
      await followMove(r.historyId, settled.movedTo);
      o.onEvent({ kind: 'sent', file, filename: r.filename, uploadIds: r.uploadIds, bytes: r.bytes, recordsSent: r.recordsSent, recordsLeftOut: r.recordsLeftOut, movedTo: settled.movedTo, historyId: r.entryId });
      problem(settled);
      return { kind: 'done' };
    }
    case 'duplicate': {
      const settled = await settleSent(file, o.feed.path, o.feed.after, `${basename(file)} was not sent again: ${r.message}`);
      o.onEvent({ kind: 'duplicate', file, message: r.message, movedTo: settled.movedTo });
      problem(settled);
      return { kind: 'done' };
    }
    case 'needs-user': {
      const settled = await settleFailed(file, r.error, r.details, { folder: o.feed.path, token: o.token });
      const movedTo = settled.movedTo ?? file;
      await followMove(r.historyId, movedTo);
      o.onEvent({ kind: 'failed', file, error: toErrorInfo(r.error), movedTo, errorFile: settled.noteFile, historyId: r.entryId ?? null });
      problem(settled);
      return { kind: 'done' };
    }
    case 'transient': {
      const attempt = attempts + 1;
      if (o.once) {
        o.onEvent({ kind: 'kept', file, error: toErrorInfo(r.error), historyId: r.entryId ?? null });
        return { kind: 'done' };
      }
      const delayMs = o.delaysMs[attempt - 1];
      if (delayMs === undefined) {
        const minutes = Math.round(o.delaysMs.reduce((a, b) => a + b, 0) / 60_000);
        const error = new LexerError(r.error.code, r.error.message, { hint: `Tried ${attempt} times over ${minutes} minutes. ${r.error.hint ?? ''} Move the file back into the folder to try again.`.trim() });
        return settleFile(file, { kind: 'needs-user', error, details: [], historyId: r.historyId, entryId: r.entryId }, 0, o);
      }
      o.onEvent({ kind: 'retry-later', file, error: toErrorInfo(r.error), attempt, delayMs, historyId: r.entryId ?? null });
      return { kind: 'retry', attempts: attempt, delayMs };
    }
    case 'changed':
      return { kind: 'wait-again', attempts };
    case 'cancelled':
      o.onEvent({ kind: 'interrupted', file });
      return { kind: 'done' };
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}
