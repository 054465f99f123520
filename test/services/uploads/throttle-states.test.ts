import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UploadState, UploadStateEvent } from '../../../main/contract/uploads.js';
import { createStateThrottle } from '../../../main/services/uploads/throttle-states.js';

const uploading = (bytesSent: number): UploadState => ({ kind: 'uploading', attempt: 1, progress: { bytesSent, totalBytes: 100, bytesPerSecond: 1, etaSeconds: 1 } });

test('progress ticks are throttled, state changes go out at once, the latest tick wins', async () => {
  const out: UploadStateEvent[] = [];
  const t = createStateThrottle((e) => out.push(e), 10_000);
  t.push('a', { kind: 'pending' });
  t.push('a', uploading(10));
  t.push('a', uploading(20));
  t.push('a', uploading(30));
  assert.deepEqual(out.map((e) => e.state.kind), ['pending', 'uploading'], 'ticks inside the interval wait');
  t.push('a', { kind: 'succeeded', uploadId: 'u', bytes: 100, filename: 'f', sandbox: false, records: null });
  assert.deepEqual(out.map((e) => e.state.kind), ['pending', 'uploading', 'succeeded'], 'the final state is never held back');
  t.push('b', uploading(5));
  assert.equal(out.at(-1)?.id, 'b', 'each upload is throttled on its own');
  t.dispose();
});

test('a held tick is delivered after the interval', async () => {
  const out: UploadStateEvent[] = [];
  const t = createStateThrottle((e) => out.push(e), 20);
  t.push('a', uploading(10));
  t.push('a', uploading(20));
  t.push('a', uploading(30));
  for (let i = 0; i < 100 && out.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(out.length, 2);
  const last = out[1]?.state;
  assert.ok(last?.kind === 'uploading' && last.progress.bytesSent === 30);
  t.dispose();
});
