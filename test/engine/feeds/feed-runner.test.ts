// The feed runner (main/engine/feeds/feed-runner.ts) against the sandbox: a transient failure leaves the
// file in place and it is tried again later; when the tries run out it goes to failed/ with the
// reason; a missing folder is reported and watched for; a rejected token needs the person.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import type { FeedConfig } from '../../../main/engine/feeds/feed-config.js';
import type { FeedEvent } from '../../../main/engine/feeds/feed-events.js';
import { startFeed } from '../../../main/engine/feeds/feed-runner.js';
import { openHistory } from '../../../main/engine/history/upload-history.js';
import { createUploadQueue } from '../../../main/engine/upload/upload-queue.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

describe('startFeed', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(async () => t.stop());

  const run = async (dir: string, o: { token?: string; once?: boolean; retryDelaysMs?: number[]; polling?: boolean } = {}) => {
    const feed: FeedConfig = { path: dir, patterns: ['*.csv'], destination: null, convert: null, validate: false, quietSeconds: 0.1, after: 'sent', polling: o.polling ?? false };
    const seen: FeedEvent[] = [];
    const runner = startFeed({
      feed, once: o.once ?? false, concurrency: 2, retryDelaysMs: o.retryDelaysMs ?? [50],
      send: {
        apiUrl: t.sandbox.apiUrl, token: o.token ?? t.sandbox.token, limiter: createRateLimiter({ intervalCap: 1000 }),
        queue: createUploadQueue({ concurrency: 2 }), history: await openHistory(join(dir, '..', `${Date.now()}-history.json`)),
        sandbox: true, ledgerDir: join(dir, '..'), audience: 'cli', tuning: { maxAttempts: 1, retryBaseMs: 5 },
      },
      onEvent: (e) => seen.push(e),
    });
    return { runner, seen };
  };
  const until = async (seen: FeedEvent[], kind: FeedEvent['kind']): Promise<void> => {
    while (!seen.some((e) => e.kind === kind)) await new Promise((r) => setTimeout(r, 20));
  };

  test('a server error: the file stays, is tried again later, then sent', async () => {
    const dir = await mkdtemp(join(t.work, 'transient-'));
    await writeFile(join(dir, 'pos-20261129-v1.csv'), 'id\n1\n');
    t.sandbox.faults.apiResponses.push({ status: 503 });
    const { runner, seen } = await run(dir);
    await until(seen, 'sent');
    await runner.stop();
    const kinds = seen.map((e) => e.kind).filter((k) => k !== 'waiting' && k !== 'watching');
    assert.deepEqual(kinds, ['taken', 'retry-later', 'taken', 'sent']);
    assert.deepEqual(await readdir(join(dir, 'sent')), ['pos-20261129-v1.csv']);
  });

  test('when the tries run out, the file goes to failed/ saying how often it was tried', async () => {
    const dir = await mkdtemp(join(t.work, 'runout-'));
    await writeFile(join(dir, 'crm-20261129-v1.csv'), 'id\n2\n');
    t.sandbox.faults.apiResponses.push({ status: 503 }, { status: 503 });
    const { runner, seen } = await run(dir, { retryDelaysMs: [20] });
    await until(seen, 'failed');
    await runner.stop();
    assert.deepEqual((await readdir(join(dir, 'failed'))).sort(), ['crm-20261129-v1.csv', 'crm-20261129-v1.csv.error.txt']);
    const text = await readFile(join(dir, 'failed', 'crm-20261129-v1.csv.error.txt'), 'utf8');
    assert.match(text, /What to do: Tried 2 times/);
  });

  test('a rejected token needs the person: failed/ with the reason, the token nowhere in it', async () => {
    const dir = await mkdtemp(join(t.work, 'token-'));
    await writeFile(join(dir, 'shop-20261129-v1.csv'), 'id\n3\n');
    const wrong = 'wrong-token-0123456789abcdef';
    const { runner, seen } = await run(dir, { token: wrong, once: true });
    await runner.done;
    const failed = seen.find((e) => e.kind === 'failed');
    assert.equal(failed?.kind === 'failed' && failed.error.code, 'token-rejected');
    const text = await readFile(join(dir, 'failed', 'shop-20261129-v1.csv.error.txt'), 'utf8');
    assert.match(text, /What happened: /);
    assert.ok(!text.includes(wrong));
  });

  test('a second file of the same name never overwrites the first in sent/: it gets a number, both are kept', async () => {
    const dir = await mkdtemp(join(t.work, 'same-sent-'));
    for (const night of ['id\n6\n', 'id\n7\n']) {
      await writeFile(join(dir, 'pos-20261130-v1.csv'), night);
      const { runner } = await run(dir, { once: true });
      await runner.done;
    }
    assert.deepEqual((await readdir(join(dir, 'sent'))).sort(), ['pos-20261130-v1-2.csv', 'pos-20261130-v1.csv']);
    assert.equal(await readFile(join(dir, 'sent', 'pos-20261130-v1.csv'), 'utf8'), 'id\n6\n');
    assert.equal(await readFile(join(dir, 'sent', 'pos-20261130-v1-2.csv'), 'utf8'), 'id\n7\n');
  });

  test('a second failed file of the same name never overwrites the first in failed/, nor its error file', async () => {
    const dir = await mkdtemp(join(t.work, 'same-failed-'));
    for (const night of ['id\n8\n', 'id\n9\n']) {
      await writeFile(join(dir, 'crm-20261130-v1.csv'), night);
      const { runner } = await run(dir, { token: 'wrong-token-0123456789abcdef', once: true });
      await runner.done;
    }
    assert.deepEqual((await readdir(join(dir, 'failed'))).sort(), [
      'crm-20261130-v1-2.csv', 'crm-20261130-v1-2.csv.error.txt', 'crm-20261130-v1.csv', 'crm-20261130-v1.csv.error.txt',
    ]);
    assert.equal(await readFile(join(dir, 'failed', 'crm-20261130-v1.csv'), 'utf8'), 'id\n8\n');
    assert.equal(await readFile(join(dir, 'failed', 'crm-20261130-v1-2.csv'), 'utf8'), 'id\n9\n');
  });

  test('a missing folder is reported, then watched once it appears', async () => {
    const dir = join(t.work, 'later');
    const { runner, seen } = await run(dir);
    await until(seen, 'folder-missing');
    await mkdir(dir);
    await until(seen, 'watching');
    await writeFile(join(dir, 'late-20261129-v1.csv'), 'id\n4\n');
    await until(seen, 'sent');
    assert.equal(runner.status().state, 'watching');
    await runner.stop();
    assert.equal(runner.status().state, 'stopped');
  });

  test('polling (network drives) finds a new file too', async () => {
    const dir = await mkdtemp(join(t.work, 'polling-'));
    const { runner, seen } = await run(dir, { polling: true });
    await until(seen, 'watching');
    assert.ok(seen.some((e) => e.kind === 'watching' && e.polling));
    await writeFile(join(dir, 'share-20261129-v1.csv'), 'id\n5\n');
    await until(seen, 'sent');
    await runner.stop();
    assert.deepEqual(await readdir(join(dir, 'sent')), ['share-20261129-v1.csv']);
  });
});
