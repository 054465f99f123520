/**
 * The watched folders, kept by main in `<userData>/feeds.json` (mode 0600, like the other
 * config): each with an id and whether it is paused, so they come back when the app opens.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { FeedSettings } from '../../contract/feeds.js';
import { parseFeedSettings } from './feed-settings.js';
import { usageError } from '../channels/result.js';

/** More folders than a team watches; keeps the file small. */
export const MAX_FEEDS = 50;

export interface StoredFeed {
  readonly id: string;
  readonly settings: FeedSettings;
  readonly paused: boolean;
}

export interface FeedStore {
  list(): readonly StoredFeed[];
  add(settings: FeedSettings): Promise<StoredFeed>;
  setPaused(id: string, paused: boolean): Promise<StoredFeed>;
  remove(id: string): Promise<void>;
}

/** Opens the feeds file in `dir`; a damaged file (or entry) reads as none rather than failing. */
export async function openFeedStore(dir: string): Promise<FeedStore> {
  const file = join(dir, 'feeds.json');
  let feeds: StoredFeed[] = [];
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { feeds?: unknown };
    for (const item of Array.isArray(data.feeds) ? data.feeds : []) {
      try {
        const f = item as { id?: unknown; settings?: unknown; paused?: unknown };
        if (typeof f.id === 'string' && typeof f.paused === 'boolean') feeds.push({ id: f.id, settings: parseFeedSettings(f.settings), paused: f.paused });
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
  return {
    list: () => [...feeds],
    async add(settings) {
      if (feeds.length >= MAX_FEEDS) throw usageError(`At most ${MAX_FEEDS} folders can be watched.`, 'Remove a folder you no longer use, then add this one.');
      if (feeds.some((f) => f.settings.path === settings.path)) {
        throw usageError(`${settings.path} is already watched.`, 'Remove it first to watch it with other settings.');
      }
      const feed = { id: randomUUID(), settings, paused: false };
      await write([...feeds, feed]);
      return feed;
    },
    async setPaused(id, paused) {
      const feed = { ...find(id), paused };
      await write(feeds.map((f) => (f.id === id ? feed : f)));
      return feed;
    },
    async remove(id) {
      find(id);
      await write(feeds.filter((f) => f.id !== id));
    },
  };
}
