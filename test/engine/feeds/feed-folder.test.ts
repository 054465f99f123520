// A watched folder removed or stopped while its watch is still starting must not leave that
// watch running: the app adds and removes folders for weeks, and each watch left behind holds
// one of the system's file watches and keeps the process from exiting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedConfig } from '../../../main/engine/feeds/feed-config.js';
import type { FeedEvent } from '../../../main/engine/feeds/feed-events.js';
import { watchFeedFolder } from '../../../main/engine/feeds/feed-folder.js';

const watches = (): number => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a watched folder stopped while its watch starts', () => {
  test('leaves no file watch open, whenever it is stopped, and reports no file after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-feed-folder-'));
    try {
      for (let i = 0; i < 40; i++) await writeFile(join(dir, `f${i}.csv`), 'a');
      const feed = { path: dir, polling: false } as FeedConfig;
      const before = watches();
      // Stopped at once, a little later, and once watching: the watch is starting in the first two.
      for (const delayMs of [0, 1, 5, 20, 200]) {
        const events: FeedEvent[] = [];
        const files: string[] = [];
        let stopped = false;
        const folder = watchFeedFolder(feed, {
          once: false, checkMs: 50, onFile: (p) => files.push(p), onGone: () => undefined, onTick: async () => undefined, onMissing: () => undefined,
          stopped: () => stopped, onEvent: (e) => events.push(e),
        });
        await sleep(delayMs);
        stopped = true;
        await folder.close();
        const seen = files.length;
        await sleep(20); // a closed watch's handle goes on the next turn of the event loop
        assert.equal(watches(), before, `a watch left open when stopped after ${delayMs} ms`);
        await writeFile(join(dir, `late-${delayMs}.csv`), 'b');
        await sleep(150);
        assert.equal(files.length, seen, `a file reported after the folder was stopped (${delayMs} ms)`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
