import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDir } from '../../../main/engine/config/private-dir.js';

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

test('the app\'s folders are created 0700, parents included, and a wider one of ours is narrowed', { skip: process.platform === 'win32' && 'modes are ACLs on Windows' }, async () => {
  const root = await mkdtemp(join(tmpdir(), 'lexer-private-'));
  try {
    await ensurePrivateDir(join(root, 'a', 'b'));
    assert.equal(await mode(join(root, 'a')), 0o700);
    assert.equal(await mode(join(root, 'a', 'b')), 0o700);
    const old = join(root, 'from-an-older-version');
    await mkdir(old);
    await chmod(old, 0o755);
    await ensurePrivateDir(old);
    assert.equal(await mode(old), 0o700);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
