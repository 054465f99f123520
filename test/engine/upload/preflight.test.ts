import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkUploadableFile, MAX_UPLOAD_BYTES } from '../../../main/engine/upload/preflight.js';
import { LexerError } from '../../../main/engine/errors.js';

const failsWith = (code: string, words: RegExp) => (e: unknown) => e instanceof LexerError && e.code === code && words.test(e.message);

// Debian's "nobody"; any id but 0 would do, and no account needs to hold it.
const UNPRIVILEGED = 65534;

/**
 * Runs `fn` as an unprivileged user: root reads every file whatever its mode, and CI runs as
 * root. Only the effective ids change (the real ones stay 0), so root's are taken back after.
 */
async function asUnprivileged(fn: () => Promise<void>): Promise<void> {
  if (process.getuid?.() !== 0 || !process.seteuid || !process.setegid) return fn();
  process.setegid(UNPRIVILEGED);
  process.seteuid(UNPRIVILEGED);
  try {
    await fn();
  } finally {
    process.seteuid(0);
    process.setegid(0);
  }
}

describe('checkUploadableFile', () => {
  let dir = '';
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'lexer-preflight-'))));
  after(async () => rm(dir, { recursive: true, force: true }));

  test('passes a normal file and reports its size', async () => {
    const path = join(dir, 'ok.csv');
    await writeFile(path, 'a,b\n1,2\n');
    const r = await checkUploadableFile(path);
    assert.equal(r.bytes, 8);
  });
  test('refuses an empty file', async () => {
    const path = join(dir, 'empty.csv');
    await writeFile(path, '');
    await assert.rejects(checkUploadableFile(path), failsWith('file-empty', /empty/));
  });
  test('refuses a file one byte over 5 GiB, naming the limit (sparse file)', async () => {
    const path = join(dir, 'huge.ndjson');
    await writeFile(path, '');
    await truncate(path, MAX_UPLOAD_BYTES + 1);
    await assert.rejects(checkUploadableFile(path), failsWith('file-too-large', /5 GiB \(5,368,709,120 bytes\)/));
  });
  test('accepts a file of exactly 5 GiB', async () => {
    const path = join(dir, 'limit.ndjson');
    await writeFile(path, '');
    await truncate(path, MAX_UPLOAD_BYTES);
    assert.equal((await checkUploadableFile(path)).bytes, MAX_UPLOAD_BYTES);
  });
  test('names the path of a file that does not exist', async () => {
    const path = join(dir, 'missing.csv');
    await assert.rejects(checkUploadableFile(path), failsWith('file-unreadable', /missing\.csv does not exist/));
  });
  test('names the path of a file it may not read', { skip: process.seteuid ? false : 'file modes do not limit reading on this system' }, async () => {
    await chmod(dir, 0o755); // so that only the file's own mode can refuse
    const path = join(dir, 'secret.csv');
    await writeFile(path, 'x');
    await chmod(path, 0o000);
    const readable = join(dir, 'open.csv');
    await writeFile(readable, 'x');
    await asUnprivileged(async () => {
      await assert.rejects(checkUploadableFile(path), failsWith('file-unreadable', /secret\.csv cannot be read \(permission denied\)/));
      assert.equal((await checkUploadableFile(readable)).bytes, 1, 'the same user reads a file whose mode allows it');
    });
  });
  test('refuses a folder', async () => {
    await assert.rejects(checkUploadableFile(dir), failsWith('file-unreadable', /not a regular file/));
  });
});
