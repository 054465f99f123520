import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgressMeter } from '../../../main/engine/upload/transfer-progress.js';
import type { TransferProgress } from '../../../main/engine/upload/upload-events.js';

test('reports are throttled, carry a rate and ETA, and end with exactly one 100% report', () => {
  let clock = 0;
  const seen: TransferProgress[] = [];
  const meter = createProgressMeter(1000, (p) => seen.push(p), 250, () => clock);
  for (let i = 1; i <= 99; i += 1) {
    clock = i * 10; // a write every 10 ms, 10 bytes each: 1000 bytes/s
    meter.update(i * 10);
  }
  // 990 ms of updates every 10 ms, throttled to 250 ms: 4 reports, not 99.
  assert.equal(seen.length, 4);
  const last = seen.at(-1)!;
  assert.ok(Math.abs(last.bytesPerSecond - 1000) < 1, `rate ${last.bytesPerSecond}`);
  assert.ok(last.etaSeconds !== null && last.etaSeconds > 0);
  clock = 1000;
  meter.finish();
  meter.finish();
  assert.equal(seen.length, 5);
  assert.deepEqual(seen.at(-1), { bytesSent: 1000, totalBytes: 1000, bytesPerSecond: 1000, etaSeconds: 0 });
});

test('the ETA is unknown until some bytes moved', () => {
  const seen: TransferProgress[] = [];
  createProgressMeter(1000, (p) => seen.push(p), 250, () => 0).update(0);
  assert.equal(seen[0]?.etaSeconds, null);
});
