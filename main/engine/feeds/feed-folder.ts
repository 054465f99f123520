/**
 * A watched folder's presence: watched while it is there (change events, or polling), reported
 * missing while it is not, and watched again once it appears. Every `checkMs` it is looked at,
 * and then the feed takes the files that have become quiet. With `once` it is read once instead
 * of watched (for cron).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeedConfig } from './feed-config.js';
import type { FeedEvent } from './feed-events.js';
import { watchFolder, type FolderWatcher } from './feed-watcher.js';

export interface FeedFolder {
  /** Whether the folder was there at the last look ('watching' before the first). */
  state(): 'watching' | 'folder-missing';
  /** Stops looking and watching. */
  close(): Promise<void>;
}

export interface FeedFolderOptions {
  readonly once: boolean;
  readonly checkMs: number;
  /** A file appeared or changed (or was there when watching started). */
  readonly onFile: (path: string) => void;
  readonly onGone: (path: string) => void;
  /** After each look at the folder: take the files that are quiet. */
  readonly onTick: () => Promise<void>;
  /** The folder is not there (any more). */
  readonly onMissing: () => void;
  readonly stopped: () => boolean;
  readonly onEvent: (e: FeedEvent) => void;
}

/** Starts looking at `feed`'s folder at once, then every `checkMs`. */
export function watchFeedFolder(feed: FeedConfig, o: FeedFolderOptions): FeedFolder {
  let watcher: FolderWatcher | null = null;
  let state: 'watching' | 'folder-missing' = 'watching';
  /** Whether the folder was there at the last look (null: not looked yet). */
  let present: boolean | null = null;
  /** The look under way, which close() waits for: it may be starting a watcher. */
  let looking: Promise<void> | null = null;
  let closed = false;

  const startWatching = async (): Promise<void> => {
    if (o.once) {
      o.onEvent({ kind: 'watching', folder: feed.path, polling: false });
      for (const name of (await readdir(feed.path)).sort()) o.onFile(join(feed.path, name));
      return;
    }
    const started = await watchFolder(feed.path, {
      polling: feed.polling, intervalMs: Math.max(100, o.checkMs),
      onFile: o.onFile, onGone: o.onGone,
      onError: (error) => o.onEvent({ kind: 'problem', file: null, message: `Watching ${feed.path}: ${(error as Error).message}` }),
    });
    watcher = started;
    // Stopped while the watch was starting: the watch must not outlive the feed.
    if (closed || o.stopped()) return;
    o.onEvent({ kind: 'watching', folder: feed.path, polling: feed.polling });
    for (const path of [...watcher.initial].sort()) o.onFile(path);
  };

  const look = async (): Promise<void> => {
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
          o.onMissing();
          if (o.stopped()) return;
        }
      }
      await o.onTick();
    } catch (error) {
      o.onEvent({ kind: 'problem', file: null, message: `Watching ${feed.path}: ${(error as Error).message}` });
    }
  };
  const tick = (): void => {
    if (looking || closed || o.stopped()) return;
    looking = look().finally(() => (looking = null));
  };

  const timer = setInterval(tick, o.checkMs);
  tick();

  return {
    state: () => state,
    async close() {
      closed = true;
      clearInterval(timer);
      await looking;
      await watcher?.close();
      watcher = null;
    },
  };
}
