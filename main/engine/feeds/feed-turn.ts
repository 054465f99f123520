/**
 * One file's turn in a watched folder: fingerprinted, held back while a copy of it is being sent
 * (so the duplicate guard then sees that copy sent), given a slot, sent through the one upload
 * sequence with the same fingerprint, then moved. Its state in the feed's table follows along:
 * queued -> sending -> moving.
 */
import { basename } from 'node:path';
import type PQueue from 'p-queue';
import { createSendContext, type SendRun } from '../send/send-context.js';
import { takeFingerprint, type TakenFingerprint } from '../send/taken-fingerprint.js';
import { withSendSettings, type FeedConfig, type RunSendSettings } from './feed-config.js';
import type { FeedEvent, FeedSendListener } from './feed-events.js';
import type { FeedFiles } from './feed-files.js';
import { sendFeedFile } from './feed-send.js';
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
  const fingerprint = await takeFingerprint(file).catch(() => null);
  step('queued', fingerprint);
  if (fingerprint) await Promise.all(c.files.twinTurns(file, fingerprint.value));
  return c.limit.add(async (): Promise<AfterTurn> => {
    if (c.stopped()) return { kind: 'done' };
    step('sending', fingerprint); // before the event, so a listener reading the feed's status sees it sending
    c.onEvent({ kind: 'taken', file });
    const ctx = createSendContext(c.send, { signal: c.signal, onEvent: (e) => c.onSendEvent?.(file, e) });
    const result = await sendFeedFile(file, withSendSettings(c.feed, c.sendSettings?.()), ctx, fingerprint);
    step('moving', fingerprint);
    return settleFile(file, result, attempts, c.settle).catch((error: unknown): AfterTurn => {
      c.onEvent({ kind: 'problem', file, message: `${basename(file)}: could not move it after sending (${(error as Error).message}).` });
      return { kind: 'done' };
    });
  });
}
