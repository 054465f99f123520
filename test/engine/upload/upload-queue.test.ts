import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createUploadQueue } from '../../../main/engine/upload/upload-queue.js';
import { LexerError } from '../../../main/engine/errors.js';

/** A task that runs until its signal fires; `running` counts tasks in flight. */
function blocker(state: { running: number; peak: number; sawAbort: number }) {
  return (signal: AbortSignal) =>
    new Promise<string>((_resolve, reject) => {
      state.running += 1;
      state.peak = Math.max(state.peak, state.running);
      signal.addEventListener('abort', () => {
        state.running -= 1;
        state.sawAbort += 1;
        reject(new LexerError('cancelled', 'stopped'));
      });
    });
}

test('runs at most `concurrency` tasks at once and returns their results', async () => {
  const q = createUploadQueue({ concurrency: 2 });
  let running = 0;
  let peak = 0;
  const task = (i: number) => async () => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise((r) => setImmediate(r));
    running -= 1;
    return i;
  };
  const results = await Promise.all([1, 2, 3, 4, 5].map((i) => q.add(task(i))));
  assert.deepEqual(results, [1, 2, 3, 4, 5]);
  assert.equal(peak, 2);
});

test('clear() aborts running tasks and drops queued ones, each rejecting as cancelled', async () => {
  const q = createUploadQueue({ concurrency: 1 });
  const state = { running: 0, peak: 0, sawAbort: 0 };
  const first = q.add(blocker(state));
  const second = q.add(blocker(state));
  await new Promise((r) => setImmediate(r));
  assert.equal(state.running, 1);
  q.clear();
  const outcomes = await Promise.allSettled([first, second]);
  for (const o of outcomes) {
    assert.equal(o.status, 'rejected');
    assert.ok(o.status === 'rejected' && o.reason instanceof LexerError && o.reason.code === 'cancelled');
  }
  assert.equal(state.sawAbort, 1, 'the running task saw its signal fire; the queued one never started');
  await q.onIdle();
  // The queue still works after clear().
  assert.equal(await q.add(async () => 'after'), 'after');
});
