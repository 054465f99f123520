// A watched folder stopped while it is still starting (the app quits, the folder is paused or
// removed, the token changes while the connection is looked up) leaves nothing running: no file
// of the folder is taken afterwards, and the process can end. Two starts at once run one feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedsOverview } from '../../../main/contract/feeds.js';
import { openHistory } from '../../../main/engine/history/upload-history.js';
import { createUploadQueue } from '../../../main/engine/upload/upload-queue.js';
import { createFileSecrets } from '../../../main/engine/vault/secret-store.js';
import { createFeedService, type FeedService } from '../../../main/services/feeds/feed-service.js';
import { openFeedStore } from '../../../main/services/feeds/feed-store.js';
import type { Connection } from '../../../main/services/settings/connection.js';
import { openPresets } from '../../../main/services/settings/preset-store.js';

/** A feed service over `dir` whose connection answers after `delayMs` (an API URL nothing listens on). */
async function service(dir: string, delayMs: number, pushed: FeedsOverview[]): Promise<FeedService> {
  const connection = (): Promise<Connection> =>
    new Promise((resolve) => setTimeout(() => resolve({ apiUrl: 'http://127.0.0.1:9', token: 'tok-start-stop', sandbox: true }), delayMs));
  const queue = createUploadQueue({ concurrency: 1 });
  return createFeedService({
    store: await openFeedStore(dir), presets: await openPresets(dir), history: await openHistory(join(dir, 'history.json')),
    connection, queue: () => queue, concurrency: () => 1, tempRoot: join(dir, 'temp'), ledgerDir: dir,
    sendSettings: () => ({ gzip: false, gzipLevel: 6, partBytes: 5 * 1024 ** 3 }), canChooseFolder: false,
    secrets: createFileSecrets(join(dir, 'secrets')), onChange: (o) => pushed.push(o), onSending: () => undefined,
  });
}

test('a feed stopped while it starts takes no file afterwards; two starts at once run one feed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'feed-start-stop-'));
  try {
    const folder = join(dir, 'drop');
    await mkdir(folder);
    await writeFile(join(folder, 'waiting.ndjson'), '{"link":{"customer_id":"c1"}}\n');
    const pushed: FeedsOverview[] = [];
    const first = await service(dir, 300, pushed);
    const feed = { path: folder, patterns: '*.ndjson', destination: null, convert: false, presetName: null, validate: false, gzip: false, quietSeconds: 0.1, after: 'sent' as const, polling: true };
    const adding = first.add(feed);
    await new Promise((r) => setTimeout(r, 50));
    // Started twice while the connection is looked up, then the app quits before it answers.
    const again = first.startAll();
    await first.dispose();
    await Promise.allSettled([adding, again]);
    await new Promise((r) => setTimeout(r, 1200));
    assert.deepEqual(await readdir(folder), ['waiting.ndjson'], 'the file is where it was: nothing took it after the quit');
    assert.ok(!pushed.some((o) => o.feeds.some((f) => f.state === 'watching')), 'no feed ever watched after the quit');

    // The same folder in a new run: one feed starts, however often it is asked to.
    const second = await service(dir, 50, pushed);
    await Promise.all([second.startAll(), second.startAll()]);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(second.overview().feeds.map((f) => f.state), ['watching']);
    await second.dispose();
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }
});
