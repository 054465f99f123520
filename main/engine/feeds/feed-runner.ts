/**
 * A watched folder at work (issue 12): files seen by the watcher wait until they are quiet, go
 * one by one through the one upload sequence (main/engine/send) under the shared queue and rate limit,
 * and are then moved to sent/ or failed/. Transient failures are tried again later with backoff.
 * `once` takes what is in the folder now and ends when each file is done (for cron).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import PQueue from 'p-queue';
import { fingerprintFile } from '../dedupe/fingerprint.js';
import { LexerError } from '../errors.js';
import { createSendContext, type SendRun } from '../send/send-context.js';
import { withSendSettings, type FeedConfig, type RunSendSettings } from './feed-config.js';
import type { FeedEvent, FeedSendListener } from './feed-events.js';
import { settleFailed, settleSent } from './feed-moves.js';
import { createNameFilter } from './feed-names.js';
import { sendFeedFile, type FeedFileResult } from './feed-send.js';
import { watchFolder, type FolderWatcher } from './feed-watcher.js';
import { createQuietTracker } from './quiet-tracker.js';

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

const toFeedError = (e: LexerError): { code: string; message: string; hint?: string } => e.toJSON();

/** Starts a feed; the folder may be missing (it is watched for once it appears). */
export function startFeed(o: FeedRunOptions): FeedRunner {
  const { feed } = o;
  const takes = createNameFilter(feed.patterns);
  const quiet = createQuietTracker(feed.quietSeconds * 1000);
  const limit = new PQueue({ concurrency: Math.max(1, o.concurrency) });
  const cancel = new AbortController();
  const busy = new Map<string, Promise<void>>();
  /** Files taken from the quiet tracker that have not started sending (queued, or waiting for a copy of theirs). */
  const queued = new Set<string>();
  const retryTimers = new Map<string, NodeJS.Timeout>();
  const attempts = new Map<string, number>();
  /** Files that changed while they were sent: they wait for a quiet period again. */
  const recheck = new Set<string>();
  /** Fingerprints of files being sent: a copy of one waits for it, so the duplicate guard sees it sent. */
  const sending = new Map<string, Promise<void>>();
  const delays = o.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const checkMs = Math.max(50, Math.min(1000, (feed.quietSeconds * 1000) / 4));
  let state: FeedStatus['state'] = 'watching';
  let running = 0;
  let watcher: FolderWatcher | null = null;
  let stopped = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => { finish = resolve; });

  const see = (path: string): void => {
    if (stopped || busy.has(path) || retryTimers.has(path) || !takes(basename(path))) return;
    if (!quiet.waiting().includes(path)) o.onEvent({ kind: 'waiting', file: path });
    quiet.see(path);
  };

  // History's entry follows the file to sent/ or failed/, so its Retry finds the file there (the
  // app only opens files History knows) rather than asking to locate it.
  const followMove = async (historyId: string | null | undefined, movedTo: string | null): Promise<void> => {
    if (historyId && movedTo) await o.send.history?.update(historyId, { filePath: movedTo }).catch(() => undefined);
  };
  const settle = async (file: string, r: FeedFileResult): Promise<void> => {
    switch (r.kind) {
      case 'sent': {
        attempts.delete(file);
        const movedTo = await settleSent(file, feed.after, null);
        await followMove(r.historyId, movedTo);
        o.onEvent({ kind: 'sent', file, filename: r.filename, uploadIds: r.uploadIds, bytes: r.bytes, recordsLeftOut: r.recordsLeftOut, movedTo });
        return;
      }
      case 'duplicate': {
        attempts.delete(file);
        const movedTo = await settleSent(file, feed.after, `${basename(file)} was not sent again: ${r.message}`);
        o.onEvent({ kind: 'duplicate', file, message: r.message, movedTo });
        return;
      }
      case 'needs-user': {
        attempts.delete(file);
        const moved = await settleFailed(file, r.error, r.details, { folder: feed.path, token: o.send.token });
        await followMove(r.historyId, moved.path);
        o.onEvent({ kind: 'failed', file, error: toFeedError(r.error), movedTo: moved.path, errorFile: moved.errorFile });
        return;
      }
      case 'transient': {
        const attempt = (attempts.get(file) ?? 0) + 1;
        attempts.set(file, attempt);
        if (o.once) return o.onEvent({ kind: 'kept', file, error: toFeedError(r.error) });
        const delayMs = delays[attempt - 1];
        if (delayMs === undefined) {
          attempts.delete(file);
          const error = new LexerError(r.error.code, r.error.message, { hint: `Tried ${attempt} times over ${Math.round(delays.reduce((a, b) => a + b, 0) / 60_000)} minutes. ${r.error.hint ?? ''} Move the file back into the folder to try again.`.trim() });
          return settle(file, { kind: 'needs-user', error, details: [], historyId: r.historyId });
        }
        o.onEvent({ kind: 'retry-later', file, error: toFeedError(r.error), attempt, delayMs });
        retryTimers.set(file, setTimeout(() => {
          retryTimers.delete(file);
          take(file);
        }, delayMs));
        return;
      }
      case 'changed':
        // Seen again once this turn ends (see() ignores a file while it is busy).
        recheck.add(file);
        return;
      case 'cancelled':
        o.onEvent({ kind: 'interrupted', file });
        return;
      default: {
        const _exhaustive: never = r;
        return _exhaustive;
      }
    }
  };

  const take = (file: string): void => {
    if (stopped || busy.has(file)) return;
    queued.add(file);
    const job = (async () => {
      const fingerprint = await fingerprintFile(file).catch(() => null);
      const before = fingerprint ? sending.get(fingerprint) : undefined;
      const mine = (async () => {
        await before;
        await limit.add(async () => {
          if (stopped) return;
          queued.delete(file);
          running++; // counted before the event, so a listener reading status() sees it sending
          o.onEvent({ kind: 'taken', file });
          const result = await sendFeedFile(file, withSendSettings(feed, o.sendSettings?.()), createSendContext(o.send, {
            signal: cancel.signal, onEvent: (e) => o.onSendEvent?.(file, e),
          })).finally(() => running--);
          await settle(file, result).catch((error: unknown) => {
            o.onEvent({ kind: 'problem', file, message: `${basename(file)}: could not move it after sending (${(error as Error).message}).` });
          });
        });
      })();
      if (fingerprint) sending.set(fingerprint, mine);
      await mine;
      if (fingerprint && sending.get(fingerprint) === mine) sending.delete(fingerprint);
    })().finally(() => {
      queued.delete(file);
      busy.delete(file);
      if (recheck.delete(file)) see(file);
      checkOnceDone();
    });
    busy.set(file, job);
  };

  const checkOnceDone = (): void => {
    if (o.once && !stopped && busy.size === 0 && quiet.waiting().length === 0) void stop();
  };

  const startWatching = async (): Promise<void> => {
    if (o.once) {
      o.onEvent({ kind: 'watching', folder: feed.path, polling: false });
      for (const name of (await readdir(feed.path)).sort()) see(join(feed.path, name));
      return;
    }
    watcher = await watchFolder(feed.path, {
      polling: feed.polling, intervalMs: Math.max(100, checkMs),
      onFile: see, onGone: (path) => quiet.forget(path),
      onError: (error) => o.onEvent({ kind: 'problem', file: null, message: `Watching ${feed.path}: ${(error as Error).message}` }),
    });
    o.onEvent({ kind: 'watching', folder: feed.path, polling: feed.polling });
    for (const path of [...watcher.initial].sort()) see(path);
  };

  let ticking = false;
  /** Whether the folder was there at the last look (null: not looked yet). */
  let present: boolean | null = null;
  const tick = async (): Promise<void> => {
    if (ticking || stopped) return;
    ticking = true;
    try {
      const now = await stat(feed.path).then((s) => s.isDirectory(), () => false);
      if (now !== present) {
        present = now;
        await watcher?.close();
        watcher = null;
        if (now) {
          state = 'watching';
          await startWatching();
        } else {
          state = 'folder-missing';
          o.onEvent({ kind: 'folder-missing', folder: feed.path });
          if (o.once) return void stop();
        }
      }
      for (const file of (await quiet.check()).sort()) take(file);
      checkOnceDone();
    } catch (error) {
      o.onEvent({ kind: 'problem', file: null, message: `Watching ${feed.path}: ${(error as Error).message}` });
    } finally {
      ticking = false;
    }
  };

  const timer = setInterval(() => void tick(), checkMs);
  void tick();

  async function stop(): Promise<void> {
    if (stopped) return done;
    stopped = true;
    clearInterval(timer);
    for (const t of retryTimers.values()) clearTimeout(t);
    retryTimers.clear();
    cancel.abort(new LexerError('cancelled', 'The watched folder was stopped.'));
    await watcher?.close();
    await Promise.allSettled([...busy.values()]);
    state = 'stopped';
    finish();
    return done;
  }

  return {
    done,
    stop,
    // A file being moved after it was sent is neither waiting nor sending: the last event already said how it ended.
    status: () => ({ state, waiting: quiet.waiting().length + retryTimers.size + queued.size, sending: running }),
  };
}
