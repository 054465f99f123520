import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createQuietTracker } from '../../../main/engine/feeds/quiet-tracker.js';

test('a file is ready only after its size and time stayed unchanged for the quiet period', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quiet-'));
  try {
    let now = 0;
    const tracker = createQuietTracker(10_000, () => now);
    const path = join(dir, 'export.csv');
    await writeFile(path, 'a\n1\n');
    tracker.see(path);
    assert.deepEqual(await tracker.check(), [], 'first look: the period starts');
    now = 9_999;
    assert.deepEqual(await tracker.check(), [], 'not yet quiet long enough');
    await appendFile(path, '2\n');
    now = 10_500;
    assert.deepEqual(await tracker.check(), [], 'it grew: the period starts again');
    now = 20_499;
    assert.deepEqual(await tracker.check(), []);
    now = 20_500;
    assert.deepEqual(await tracker.check(), [path]);
    assert.deepEqual(tracker.waiting(), [], 'taken once');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file that goes away stops being tracked', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quiet-'));
  try {
    const tracker = createQuietTracker(0);
    const path = join(dir, 'gone.csv');
    await writeFile(path, 'a\n');
    tracker.see(path);
    await rm(path);
    assert.deepEqual(await tracker.check(), []);
    assert.deepEqual(tracker.waiting(), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
