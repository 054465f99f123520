import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAGING_KEEP_DAYS, pruneStaging, sanitiseFileName } from '../../main/host/file-staging.js';

test('staged copies older than the keep period are removed; recent ones stay for Retry', async () => {
  const root = await mkdtemp(join(tmpdir(), 'lexer-staging-'));
  try {
    const old = join(root, 'old-drop');
    const recent = join(root, 'recent-drop');
    for (const dir of [old, recent]) {
      await mkdir(dir);
      await writeFile(join(dir, 'customers.csv'), 'a\n1\n');
    }
    const long = new Date(Date.now() - (STAGING_KEEP_DAYS + 1) * 24 * 3600 * 1000);
    await utimes(old, long, long);
    assert.equal(await pruneStaging(root), 1);
    assert.deepEqual(await readdir(root), ['recent-drop']);
    assert.equal(await pruneStaging(join(root, 'missing')), 0, 'no staging folder yet is not an error');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a browser-supplied name keeps its last segment only, never a way out of the folder', () => {
  assert.equal(sanitiseFileName('../../etc/passwd'), 'passwd');
  assert.equal(sanitiseFileName('C:\\\\Users\\\\me\\\\My Export.csv'), 'My Export.csv');
  assert.equal(sanitiseFileName('..'), 'file');
});

test('a browser-supplied name loses the bidirectional controls that would reorder it on screen', () => {
  assert.equal(sanitiseFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe');
  assert.equal(sanitiseFileName('\u2066a\u2069\u200Fb\u061C.csv'), 'ab.csv');
});
