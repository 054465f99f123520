// Copies the app makes (staged files, conversion outputs) are deleted when released and trimmed
// to a bounded cache, newest kept; nothing outside their folders is ever touched.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFolder, releaseCopy, trimCopies } from '../../../main/services/files/temp-copies.js';

const exists = (p: string) => access(p).then(() => true, () => false);

describe('temp copies', () => {
  let dir: string;
  let root: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lexer-copies-'));
    root = join(dir, 'staging');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** A copy `<root>/<id>/<name>` of `bytes` bytes, last touched `ageMs` ago. */
  const copy = async (id: string, bytes: number, ageMs: number) => {
    const folder = join(root, id);
    await mkdir(folder, { recursive: true });
    const path = join(folder, 'customers.csv');
    await writeFile(path, Buffer.alloc(bytes, 'x'));
    const when = new Date(Date.now() - ageMs);
    await utimes(folder, when, when);
    return path;
  };

  test('only <root>/<folder>/<name> is a copy; the root, deeper paths and other files are not', () => {
    assert.equal(copyFolder([root], join(root, 'abc', 'x.csv')), join(root, 'abc'));
    assert.equal(copyFolder([root], join(root, 'abc')), null);
    assert.equal(copyFolder([root], join(root, 'abc', 'd', 'x.csv')), null);
    assert.equal(copyFolder([root], join(root, '..', 'x.csv')), null);
    assert.equal(copyFolder([root], join(dir, 'mine.csv')), null);
  });

  test('releasing a copy deletes its folder; a file the person chose is left alone', async () => {
    const path = await copy('release', 10, 0);
    const mine = join(dir, 'mine.csv');
    await writeFile(mine, 'a\n');
    assert.equal(await releaseCopy([root], path), true);
    assert.equal(await exists(join(root, 'release')), false);
    assert.equal(await releaseCopy([root], mine), false);
    assert.equal(await exists(mine), true);
  });

  test('trimming keeps the newest copies within the budget and removes the rest', async () => {
    await rm(root, { recursive: true, force: true });
    await copy('newest', 400, 1_000);
    await copy('middle', 400, 60_000);
    await copy('oldest', 400, 3_600_000);
    assert.equal(await trimCopies(root, 900), 1);
    assert.deepEqual((await readdir(root)).sort(), ['middle', 'newest']);
    assert.equal(await trimCopies(join(dir, 'no-such-folder'), 900), 0);
  });
});
