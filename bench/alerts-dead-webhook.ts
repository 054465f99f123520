/**
 * A webhook that never answers must not slow a watched folder: the time from a file dropped to
 * it sent, for a feed whose failure alert (raised just before) is hanging on a dead webhook,
 * against the same feed without alerts, back to back in each run (engine in-process, sandbox on
 * loopback). Target: within 1.2x. Run: `node --import tsx bench/alerts-dead-webhook.ts [--runs N]`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFeedAlerts } from '../main/engine/alerts/feed-alerts.js';
import { webhookChannel } from '../main/engine/alerts/webhook-channel.js';
import type { FeedEvent } from '../main/engine/feeds/feed-events.js';
import { startFeed } from '../main/engine/feeds/feed-runner.js';
import { openHistory } from '../main/engine/history/upload-history.js';
import { createUploadQueue } from '../main/engine/upload/upload-queue.js';
import { startSandbox } from '../main/sandbox/start-sandbox.js';
import { machineLine, median, millis, verdict } from './bench-kit.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const root = await mkdtemp(join(tmpdir(), 'bench-alerts-'));
const sandbox = await startSandbox({ dir: join(root, 'storage') });
// Reads each request, never answers.
const dead = createServer(() => undefined);
await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', () => resolve()));
const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/services/x`;
const content = `${Array.from({ length: 20_000 }, (_, i) => `${i},person${i}@example.com`).join('\n')}\n`;

/** Seconds from the good file written to its `sent`, after a failure that raised an alert (when `alerting`). */
async function once(alerting: boolean, n: number): Promise<number> {
  const dir = await mkdtemp(join(root, `feed-${n}-`));
  const alerts = alerting ? await startFeedAlerts({ feed: dir, settings: { leftOutPercent: 1, expect: null }, channels: [webhookChannel(deadUrl, { timeoutMs: 600_000, retries: 0 })], token: null, lastArrival: null }) : null;
  const seen: FeedEvent[] = [];
  const runner = startFeed({
    feed: { path: dir, patterns: ['*.csv'], destination: null, convert: null, validate: false, quietSeconds: 0.05, after: 'sent', polling: false },
    concurrency: 2, send: { apiUrl: sandbox.apiUrl, token: sandbox.token, queue: createUploadQueue({ concurrency: 2 }), history: await openHistory(join(dir, '..', `h-${n}.json`)), sandbox: true, ledgerDir: root, audience: 'cli' },
    onEvent: (e) => { seen.push(e); alerts?.onEvent(e); },
  });
  const until = async (kind: FeedEvent['kind']) => { while (!seen.some((e) => e.kind === kind)) await new Promise((r) => setTimeout(r, 2)); };
  sandbox.faults.apiResponses.push({ status: 403 });
  await writeFile(join(dir, `bad-${n}.csv`), 'id\n1\n');
  await until('failed');
  const start = performance.now();
  await writeFile(join(dir, `good-${n}.csv`), content);
  await until('sent');
  const seconds = (performance.now() - start) / 1000;
  await runner.stop();
  await alerts?.close(0);
  return seconds;
}

const plain: number[] = [];
const withDead: number[] = [];
for (let i = 0; i < runs; i++) {
  plain.push(await once(false, i * 2));
  withDead.push(await once(true, i * 2 + 1));
}
const ratio = median(withDead) / median(plain);
console.log(machineLine());
console.log(`file dropped -> sent, no alerts:             ${millis(plain)}`);
console.log(`file dropped -> sent, alert hanging on a dead webhook: ${millis(withDead)}`);
console.log(`ratio ${ratio.toFixed(2)} (target <= 1.2) ${verdict(ratio <= 1.2)}`);
dead.closeAllConnections();
dead.close();
await sandbox.close();
await rm(root, { recursive: true, force: true });
