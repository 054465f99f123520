/**
 * One file's turn in a watched folder: taken (checked and held open: feed-take.ts, or left where
 * it is and said why), fingerprinted, held back while a copy of it is being sent (so the
 * duplicate guard then sees that copy sent), given a slot, sent through the one upload sequence
 * with the same fingerprint, then moved. Its state in the feed's table follows along:
 * queued -> sending -> moving.
 */
import { basename } from 'node:path';
import type PQueue from 'p-queue';
import { createSendContext, type SendRun } from '../send/send-context.js';
import { takeFingerprint, type TakenFingerprint } from '../send/taken-fingerprint.js';
import { allowedOwners, takeFile, type TakenFile } from './feed-take.js';
import { withSendSettings, type FeedConfig, type RunSendSettings } from './feed-config.js';
import type { FeedEvent, FeedSendListener } from './feed-events.js';
import type { FeedFiles } from './feed-files.js';
import { sendFeedFile, type FeedFileResult } from './feed-send.js';
import { settleFile, type AfterTurn, type SettleOptions } from './feed-settle.js';

/** What every turn of a feed shares. */
export interface TurnContext {
  readonly feed: FeedConfig;
  readonly files: FeedFiles;
  /** Files prepared at once (conversions too). */
  readonly limit: PQueue;
  readonly send: SendRun;
  readonly sendSettings?: (() => RunSendSettings) | undefined;
  /** Aborted when the feed stops: a send under way is cancelled. */
  readonly signal: AbortSignal;
  readonly stopped: () => boolean;
  readonly settle: SettleOptions;
  readonly onEvent: (e: FeedEvent) => void;
  readonly onSendEvent?: FeedSendListener | undefined;
  /** The turn has ended: what becomes of the file now (its state is still that of the turn). */
  readonly onEnd: (file: string, next: AfterTurn) => void;
}

type Step = (kind: 'queued' | 'sending' | 'moving', fingerprint: TakenFingerprint | null) => void;

/**
 * Starts the turn of `file`, which has had `attempts` transient failures; its state becomes
 * queued at once. `c.onEnd` hears what becomes of the file once it has been moved (or left).
 */
export function startTurn(file: string, attempts: number, c: TurnContext): void {
  let end: () => void = () => undefined;
  // What a copy of this file (and stopping the feed) waits for: settles however the turn ends.
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  const step: Step = (kind, fingerprint) => c.files.set(file, { kind, attempts, turn: { ended, fingerprint } });
  step('queued', null);
  void run(file, attempts, c, step)
    .catch((error: unknown): AfterTurn => {
      c.onEvent({ kind: 'problem', file, message: `${basename(file)}: ${(error as Error).message}` });
      return { kind: 'done' };
    })
    .then((next) => c.onEnd(file, next))
    .finally(() => end());
}

async function run(file: string, attempts: number, c: TurnContext, step: Step): Promise<AfterTurn> {
  const took = await takeFile(file, allowedOwners(c.feed.fileOwners), c.send.tempRoot);
  switch (took.kind) {
    case 'changed':
      return { kind: 'wait-again', attempts };
    case 'not-taken':
      c.onEvent({ kind: 'not-taken', file, reason: took.reason, message: took.message });
      return { kind: 'done' };
    case 'taken':
      try {
        return await runTaken(took.file, attempts, c, step);
      } finally {
        await took.file.release();
      }
    default: {
      const _exhaustive: never = took;
      return _exhaustive;
    }
  }
}

/** How a turn ended, in a few words, for the line saying its file was replaced meanwhile. */
function outcomeWords(r: FeedFileResult): string {
  switch (r.kind) {
    case 'sent':
      return `was sent as ${r.filename}`;
    case 'duplicate':
      return 'was not sent again (already sent)';
    case 'needs-user':
    case 'transient':
      return `was not sent (${r.error.message})`;
    case 'changed':
    case 'cancelled':
      return 'was not sent';
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}

async function runTaken(taken: TakenFile, attempts: number, c: TurnContext, step: Step): Promise<AfterTurn> {
  const file = taken.path;
  const fingerprint = await takeFingerprint(taken.readPath).catch(() => null);
  step('queued', fingerprint);
  if (fingerprint) await Promise.all(c.files.twinTurns(file, fingerprint.value));
  return c.limit.add(async (): Promise<AfterTurn> => {
    if (c.stopped()) return { kind: 'done' };
    step('sending', fingerprint); // before the event, so a listener reading the feed's status sees it sending
    c.onEvent({ kind: 'taken', file });
    const ctx = createSendContext(c.send, { signal: c.signal, onEvent: (e) => c.onSendEvent?.(file, e) });
    const result = await sendFeedFile(file, withSendSettings(c.feed, c.sendSettings?.()), ctx, fingerprint, taken.readPath);
    step('moving', fingerprint);
    // Replaced or moved away while it was sent: what is there now is another file, never moved (or
    // deleted) on this one's account; it waits to be taken on its own.
    if (result.kind !== 'changed' && result.kind !== 'cancelled' && !(await taken.stillThere())) {
      c.onEvent({ kind: 'problem', file, message: `${basename(file)} ${outcomeWords(result)}, but it was replaced or moved away meanwhile: what is there now was not moved, and waits its turn.` });
      return { kind: 'wait-again', attempts };
    }
    return settleFile(file, result, attempts, c.settle).catch((error: unknown): AfterTurn => {
      c.onEvent({ kind: 'problem', file, message: `${basename(file)}: could not move it after sending (${(error as Error).message}).` });
      return { kind: 'done' };
    });
  });
}
