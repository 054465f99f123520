/**
 * The watched folders, kept by main in `<userData>/feeds.json` (mode 0600, like the other
 * config): each with an id, whether it is paused and the files it moved to its failed folder
 * that the person has not dismissed yet, so they come back when the app opens.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { FeedFailure, FeedSettings } from '../../contract/feeds.js';
import { parseFeedSettings } from './feed-settings.js';
import { usageError } from '../channels/result.js';

/** More folders than a team watches; keeps the file small. */
export const MAX_FEEDS = 50;
/** Failed files a folder's row lists at most (newest kept): the failed folder itself holds them all. */
export const MAX_FAILURES = 20;

export interface StoredFeed {
  readonly id: string;
  readonly settings: FeedSettings;
  readonly paused: boolean;
  /** Files moved to the failed folder, newest first, until dismissed or gone from there. */
  readonly failures: readonly FeedFailure[];
}

export interface FeedStore {
  list(): readonly StoredFeed[];
  add(settings: FeedSettings): Promise<StoredFeed>;
  /** New settings for a feed; its path stays. */
  update(id: string, settings: FeedSettings): Promise<StoredFeed>;
  setPaused(id: string, paused: boolean): Promise<StoredFeed>;
  /** Sets the feed's failed files (newest first, capped). */
  setFailures(id: string, failures: readonly FeedFailure[]): Promise<StoredFeed>;
  remove(id: string): Promise<void>;
}

/** A failure as kept in the file; null when damaged (it is then dropped). */
function readFailure(value: unknown): FeedFailure | null {
  const f = value as Record<string, unknown> | null;
  if (typeof f !== 'object' || f === null) return null;
  const text = ['id', 'name', 'message', 'errorFile', 'at'].every((k) => typeof f[k] === 'string');
  if (!text || (f.hint !== null && typeof f.hint !== 'string')) return null;
  return { id: f.id as string, name: f.name as string, message: f.message as string, hint: (f.hint as string | null) ?? null, errorFile: f.errorFile as string, at: f.at as string };
}

/** Opens the feeds file in `dir`; a damaged file (or entry) reads as none rather than failing. */
export async function openFeedStore(dir: string): Promise<FeedStore> {
  const file = join(dir, 'feeds.json');
  let feeds: StoredFeed[] = [];
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { feeds?: unknown };
    for (const item of Array.isArray(data.feeds) ? data.feeds : []) {
      try {
        const f = item as { id?: unknown; settings?: unknown; paused?: unknown; failures?: unknown };
        const failures = (Array.isArray(f.failures) ? f.failures : []).map(readFailure).filter((x): x is FeedFailure => x !== null);
        if (typeof f.id === 'string' && typeof f.paused === 'boolean') feeds.push({ id: f.id, settings: parseFeedSettings(f.settings), paused: f.paused, failures });
      } catch {
        // one damaged feed is skipped; the rest still load
      }
    }
  } catch {
    feeds = [];
  }
  const write = async (next: StoredFeed[]): Promise<void> => {
    await writeFileAtomic(file, `${JSON.stringify({ version: 1, feeds: next }, null, 2)}\n`, { mode: 0o600 });
    feeds = next;
  };
  const find = (id: string): StoredFeed => {
    const feed = feeds.find((f) => f.id === id);
    if (!feed) throw usageError('That watched folder is no longer there.', 'Reload the window to see the current list.');
    return feed;
  };
  const change = async (id: string, next: (feed: StoredFeed) => StoredFeed): Promise<StoredFeed> => {
    const feed = next(find(id));
    await write(feeds.map((f) => (f.id === id ? feed : f)));
    return feed;
  };
  return {
    list: () => [...feeds],
    async add(settings) {
      if (feeds.length >= MAX_FEEDS) throw usageError(`At most ${MAX_FEEDS} folders can be watched.`, 'Remove a folder you no longer use, then add this one.');
      if (feeds.some((f) => f.settings.path === settings.path)) {
        throw usageError(`${settings.path} is already watched.`, 'Remove it first to watch it with other settings.');
      }
      const feed = { id: randomUUID(), settings, paused: false, failures: [] };
      await write([...feeds, feed]);
      return feed;
    },
    async update(id, settings) {
      return change(id, (f) => ({ ...f, settings: { ...settings, path: f.settings.path } }));
    },
    async setPaused(id, paused) {
      return change(id, (f) => ({ ...f, paused }));
    },
    async setFailures(id, failures) {
      return change(id, (f) => ({ ...f, failures: failures.slice(0, MAX_FAILURES) }));
    },
    async remove(id) {
      find(id);
      await write(feeds.filter((f) => f.id !== id));
    },
  };
}
