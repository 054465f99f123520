// A watched folder's files and their states (main/engine/feeds/feed-files.ts): what the feed's row
// counts as waiting and sending, a file taken or waiting to be tried again left alone when it
// changes, a file that goes away forgotten, and a copy finding its twin's turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFeedFiles, type Turn } from '../../../main/engine/feeds/feed-files.js';

const turn = (value: string | null): Turn => ({ ended: Promise.resolve(), fingerprint: value === null ? null : { value, size: 1, mtimeMs: 1 } });

test('the row counts files waiting to be quiet, queued or waiting to be tried again, and files being sent; not one being moved', () => {
  const files = createFeedFiles(10_000);
  assert.equal(files.see('/in/a.csv'), true, 'a new file: say it is waiting');
  assert.equal(files.see('/in/a.csv'), false, 'seen again: said already');
  files.set('/in/b.csv', { kind: 'queued', attempts: 0, turn: turn(null) });
  files.set('/in/c.csv', { kind: 'sending', attempts: 0, turn: turn(null) });
  files.set('/in/d.csv', { kind: 'moving', attempts: 0, turn: turn(null) });
  files.set('/in/e.csv', { kind: 'retry-wait', attempts: 1, timer: setTimeout(() => undefined, 60_000) });
  assert.deepEqual(files.counts(), { waiting: 3, sending: 1 });
  assert.equal(files.see('/in/c.csv'), false, 'a change while it is sent shows when its turn ends');
  assert.equal(files.get('/in/c.csv')?.kind, 'sending');
  files.dropRetries();
  assert.equal(files.get('/in/e.csv'), undefined, 'stopping forgets the files waiting to be tried again');
  files.forget('/in/d.csv');
  assert.deepEqual(files.counts(), { waiting: 2, sending: 1 });
  assert.equal(files.size(), 3);
});

test('a quiet file is ready to take; a file that went away is forgotten', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'feed-files-'));
  try {
    const files = createFeedFiles(0);
    const here = join(dir, 'here.csv');
    await writeFile(here, 'id\n1\n');
    files.see(here);
    files.see(join(dir, 'gone.csv'));
    assert.deepEqual(await files.quiet(), [], 'first look: the quiet period starts');
    assert.deepEqual(files.counts(), { waiting: 1, sending: 0 }, 'the file that is not there is no longer waiting');
    assert.deepEqual(await files.quiet(), [here]);
    files.see(join(dir, 'later.csv'));
    files.gone(join(dir, 'later.csv'));
    assert.equal(files.get(join(dir, 'later.csv')), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a copy finds the turns under way of files with its fingerprint, not its own', () => {
  const files = createFeedFiles(10_000);
  const first = turn('fp1:a');
  files.set('/in/export.csv', { kind: 'sending', attempts: 0, turn: first });
  files.set('/in/other.csv', { kind: 'queued', attempts: 0, turn: turn('fp1:b') });
  files.set('/in/copy.csv', { kind: 'queued', attempts: 0, turn: turn('fp1:a') });
  assert.deepEqual(files.twinTurns('/in/copy.csv', 'fp1:a'), [first.ended]);
  assert.equal(files.turns().length, 3);
});
