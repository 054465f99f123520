/**
 * A watched folder at work: files seen by the watcher wait until they are quiet, go one by one
 * through the one upload sequence (main/engine/send) under the shared queue and rate limit, and
 * are then moved to sent/ or failed/. Transient failures are tried again later with backoff.
 * `once` takes what is in the folder now and ends when each file is done (for cron). Each file's
 * state is kept in feed-files.ts, its turn through the send in feed-turn.ts, and the folder
 * itself in feed-folder.ts.
 */
import { basename } from 'node:path';
import PQueue from 'p-queue';
import { LexerError } from '../errors.js';
import type { SendRun } from '../send/send-context.js';
import type { FeedConfig, RunSendSettings } from './feed-config.js';
import type { FeedEvent, FeedSendListener } from './feed-events.js';
import { createFeedFiles } from './feed-files.js';
import { watchFeedFolder } from './feed-folder.js';
import { createNameFilter } from './feed-names.js';
import type { AfterTurn } from './feed-settle.js';
import { startTurn, type TurnContext } from './feed-turn.js';

/** Waits before trying a file again after a transient failure: 30 s, 1, 2, 5 and 10 min, then failed/. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000, 600_000];

export interface FeedRunOptions {
  readonly feed: FeedConfig;
  /** What every send of the run shares (queue, History, token); the feed gives each file its own signal and events. */
  readonly send: SendRun;
  readonly onEvent: (e: FeedEvent) => void;
  readonly onSendEvent?: FeedSendListener;
  readonly once?: boolean;
  /** Files prepared at once (conversions too); their parts then take the shared queue's slots. */
  readonly concurrency: number;
  readonly retryDelaysMs?: readonly number[];
  /** The app's Settings for every upload (compression level, part size), read for each file; the feed's own values win. */
  readonly sendSettings?: () => RunSendSettings;
}

/** Where a feed stands, for the app's row. */
export interface FeedStatus {
  readonly state: 'watching' | 'folder-missing' | 'stopped';
  /** Files seen and not yet sent (waiting to be quiet, queued, or waiting to be tried again). */
  readonly waiting: number;
  readonly sending: number;
}

export interface FeedRunner {
  status(): FeedStatus;
  /** With `once`: resolves when every file found is done. Otherwise when stopped. */
  readonly done: Promise<void>;
  /** Stops watching and cancels uploads under way (History marks them Cancelled); resolves when all have ended. */
  stop(): Promise<void>;
}

/** Starts a feed; the folder may be missing (it is watched for once it appears). */
export function startFeed(o: FeedRunOptions): FeedRunner {
  const { feed } = o;
  const takes = createNameFilter(feed.patterns);
  const files = createFeedFiles(feed.quietSeconds * 1000);
  const cancel = new AbortController();
  let stopped = false;
  let finished = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  const turns: TurnContext = {
    feed, files, limit: new PQueue({ concurrency: Math.max(1, o.concurrency) }), send: o.send, sendSettings: o.sendSettings,
    signal: cancel.signal, stopped: () => stopped, onEvent: o.onEvent, onSendEvent: o.onSendEvent, onEnd: (file, next) => endTurn(file, next),
    settle: { feed, once: Boolean(o.once), delaysMs: o.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS, history: o.send.history, token: o.send.token, onEvent: o.onEvent },
  };

  const see = (path: string, attempts = 0): void => {
    if (stopped || !takes(basename(path))) return;
    if (files.see(path, attempts)) o.onEvent({ kind: 'waiting', file: path });
  };
  const checkOnceDone = (): void => {
    if (o.once && !stopped && files.size() === 0) void stop();
  };
  const endTurn = (file: string, next: AfterTurn): void => {
    files.forget(file);
    if (!stopped) {
      switch (next.kind) {
        case 'done':
          break;
        case 'retry':
          files.set(file, { kind: 'retry-wait', attempts: next.attempts, timer: setTimeout(() => take(file), next.delayMs) });
          break;
        case 'wait-again':
          see(file, next.attempts);
          break;
        default: {
          const _exhaustive: never = next;
          return _exhaustive;
        }
      }
    }
    checkOnceDone();
  };
  /** Takes a quiet file, or one whose wait to be tried again is over. */
  function take(file: string): void {
    const state = files.get(file);
    if (state?.kind !== 'waiting' && state?.kind !== 'retry-wait') return;
    if (stopped) files.forget(file);
    else startTurn(file, state.attempts, turns);
  }

  const checkMs = Math.max(50, Math.min(1000, (feed.quietSeconds * 1000) / 4));
  const folder = watchFeedFolder(feed, {
    once: Boolean(o.once), checkMs, onFile: (path) => see(path), onGone: (path) => files.gone(path), onEvent: o.onEvent,
    stopped: () => stopped,
    onMissing: () => {
      if (o.once) void stop();
    },
    onTick: async () => {
      for (const file of (await files.quiet()).sort()) take(file);
      checkOnceDone();
    },
  });

  async function stop(): Promise<void> {
    if (stopped) return done;
    stopped = true;
    files.dropRetries();
    cancel.abort(new LexerError('cancelled', 'The watched folder was stopped.'));
    await folder.close();
    await Promise.allSettled(files.turns());
    finished = true;
    finish();
    return done;
  }

  return {
    done,
    stop,
    status: () => ({ state: finished ? 'stopped' : folder.state(), ...files.counts() }),
  };
}
