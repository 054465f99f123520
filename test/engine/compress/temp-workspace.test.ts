import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempWorkspace, pruneStaleWorkspaces } from '../../../main/engine/compress/temp-workspace.js';

let root: string;
before(async () => (root = await mkdtemp(join(tmpdir(), 'workspaces-'))));
after(async () => rm(root, { recursive: true, force: true }));

test('a workspace is private to this user and goes away whole', async () => {
  const ws = await createTempWorkspace(root);
  assert.equal((await stat(ws.dir)).mode & 0o777, 0o700, 'customers\' data is not readable by other users');
  await writeFile(ws.file('part-1'), 'data');
  await ws.dispose();
  await ws.dispose();
  assert.equal(existsSync(ws.dir), false);
});

test("pruning removes what a crashed process left and keeps live ones' work", async () => {
  // A pid that has just exited stands for a crashed process.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  const crashed = join(root, `lexer-upload-${dead}-abc123`);
  await mkdir(crashed);
  await writeFile(join(crashed, 'part-1'), 'half-written');
  const mine = await createTempWorkspace(root);
  const liveButOld = join(root, `lexer-upload-${process.ppid}-old`);
  await mkdir(liveButOld);
  const week = 8 * 24 * 3600;
  await utimes(liveButOld, Date.now() / 1000 - week, Date.now() / 1000 - week);
  const unrelated = join(root, 'something-else');
  await mkdir(unrelated);

  assert.equal(await pruneStaleWorkspaces(root), 2);
  assert.equal(existsSync(crashed), false, 'a dead process\'s workspace is removed');
  assert.equal(existsSync(liveButOld), false, 'one older than a week is removed whoever made it');
  assert.equal(existsSync(mine.dir), true, 'this process\'s own is kept');
  assert.equal(existsSync(unrelated), true, 'other folders are not touched');
});
