// sent/ and failed/ of a watched folder, on their own: a link or a file in their place is refused,
// as is a folder of another account; nothing already there is overwritten; the folder opened is
// the one written to, even when another is swapped in under its name; and running out of names
// says so instead of writing somewhere else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LexerError } from '../../../main/engine/errors.js';
import { openFeedSubfolder } from '../../../main/engine/feeds/feed-subfolder.js';

const ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
/** nobody: an account other than the one running the tests, on any Linux. */
const OTHER_UID = 65534;

const refusal = (message: RegExp) => (error: unknown): boolean =>
  error instanceof LexerError && error.code === 'unsafe-folder' && message.test(error.message);

describe('a watched folder\'s sent/ and failed/', () => {
  let top = '';
  let n = 0;
  /** A new watched folder holding `files`. */
  const folder = async (...files: string[]): Promise<string> => {
    const dir = join(top, `feed-${++n}`);
    await mkdir(dir);
    for (const f of files) await writeFile(join(dir, f), f);
    return dir;
  };
  before(async () => (top = await mkdtemp(join(tmpdir(), 'lexer-subfolder-'))));
  after(async () => rm(top, { recursive: true, force: true }));

  test('a link in place of sent/ is refused, naming it a link, and nothing goes through it', async () => {
    const dir = await folder('a.csv');
    const elsewhere = await folder();
    await symlink(elsewhere, join(dir, 'sent'));
    await assert.rejects(openFeedSubfolder(dir, 'sent'), refusal(/sent is a link to a folder elsewhere, so nothing was moved or written there\.$/));
    assert.deepEqual(await readdir(elsewhere), []);
  });

  test('a file in place of failed/ is refused as not a folder', async () => {
    const dir = await folder('failed');
    await assert.rejects(openFeedSubfolder(dir, 'failed'), refusal(/failed is not a folder, so nothing was moved or written there\.$/));
    assert.equal(await readFile(join(dir, 'failed'), 'utf8'), 'failed');
  });

  test('a watched folder that is a file is an error of its own: sent/ inside it is not blamed', async () => {
    const dir = await folder('export.csv');
    await assert.rejects(openFeedSubfolder(join(dir, 'export.csv'), 'sent'), (error: NodeJS.ErrnoException) => error.code === 'ENOTDIR' && !(error instanceof LexerError));
  });

  test('a folder of another account is refused, naming the account', { skip: !ROOT && 'giving a folder to another account needs root (CI runs as root)' }, async () => {
    const dir = await folder();
    await mkdir(join(dir, 'sent'));
    await chown(join(dir, 'sent'), OTHER_UID, OTHER_UID);
    await assert.rejects(openFeedSubfolder(dir, 'sent'), refusal(new RegExp(`sent belongs to another account \\(uid ${OTHER_UID}\\)`)));
  });

  test('sent/ is made when missing, and a second file of the same name is numbered, a gzipped one before .csv.gz', async () => {
    const dir = await folder();
    const sent = await openFeedSubfolder(dir, 'sent');
    try {
      assert.ok((await stat(join(dir, 'sent'))).isDirectory());
      const names = [['x.csv', 'first'], ['x.csv', 'second'], ['y.csv.gz', 'gz one'], ['y.csv.gz', 'gz two'], ['r.2026.gz.csv', 'gz inside'], ['r.2026.gz.csv', 'again']] as const;
      for (const [name, text] of names) {
        await writeFile(join(dir, name), text);
        await sent.moveIn(join(dir, name), name);
      }
    } finally {
      await sent.close();
    }
    assert.deepEqual((await readdir(join(dir, 'sent'))).sort(), ['r.2026.gz-2.csv', 'r.2026.gz.csv', 'x-2.csv', 'x.csv', 'y-2.csv.gz', 'y.csv.gz']);
    assert.equal(await readFile(join(dir, 'sent', 'x.csv'), 'utf8'), 'first', 'the first is not overwritten');
    assert.equal(await readFile(join(dir, 'sent', 'y-2.csv.gz'), 'utf8'), 'gz two');
  });

  test('a note is never written through a name already taken, a planted link among them: it takes a free name', async () => {
    const dir = await folder();
    const failed = await openFeedSubfolder(dir, 'failed');
    const target = join(top, `target-${n}.txt`);
    await writeFile(target, 'untouched');
    await symlink(target, join(dir, 'failed', 'x.csv.error.txt'));
    try {
      assert.equal(await failed.writeNew('x.csv', '.error.txt', 'why'), join(dir, 'failed', 'x-2.csv.error.txt'));
    } finally {
      await failed.close();
    }
    assert.equal(await readFile(target, 'utf8'), 'untouched');
    const note = join(dir, 'failed', 'x-2.csv.error.txt');
    assert.equal(await readFile(note, 'utf8'), 'why');
    assert.equal((await stat(note)).mode & 0o777, 0o600);
  });

  test('the folder opened is the one written to, even when another is put in its place meanwhile', { skip: !existsSync('/proc/self/fd') && 'writes through /proc/self/fd' }, async () => {
    const dir = await folder('a.csv');
    const sent = await openFeedSubfolder(dir, 'sent');
    try {
      await rename(join(dir, 'sent'), join(dir, 'sent-checked'));
      await mkdir(join(dir, 'sent'));
      await sent.moveIn(join(dir, 'a.csv'), 'a.csv');
      await sent.writeNew('a.csv', '.note.txt', 'note');
    } finally {
      await sent.close();
    }
    assert.deepEqual(await readdir(join(dir, 'sent')), []);
    assert.deepEqual((await readdir(join(dir, 'sent-checked'))).sort(), ['a.csv', 'a.csv.note.txt']);
  });

  test('the thousandth name is still used; past it, the person is told to clear the folder out', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'sent'));
    await writeFile(join(dir, 'sent', 'x.csv'), '');
    await writeFile(join(dir, 'sent', 'x.csv.note.txt'), '');
    for (let i = 2; i < 1000; i++) {
      await writeFile(join(dir, 'sent', `x-${i}.csv`), '');
      await writeFile(join(dir, 'sent', `x-${i}.csv.note.txt`), '');
    }
    const sent = await openFeedSubfolder(dir, 'sent');
    try {
      await writeFile(join(dir, 'x.csv'), 'new');
      assert.equal(await sent.moveIn(join(dir, 'x.csv'), 'x.csv'), join(dir, 'sent', 'x-1000.csv'));
      assert.equal(await sent.writeNew('x.csv', '.note.txt', 'n'), join(dir, 'sent', 'x-1000.csv.note.txt'));
      await writeFile(join(dir, 'x.csv'), 'one more');
      const full = (what: string) => (error: unknown): boolean =>
        error instanceof LexerError && error.code === 'file-unreadable' && error.message === `${join(dir, 'sent')} has no free name left for ${what}.` && error.hint === 'Clear out old files from it.';
      await assert.rejects(sent.moveIn(join(dir, 'x.csv'), 'x.csv'), full('x.csv'));
      await assert.rejects(sent.writeNew('x.csv', '.note.txt', 'n'), full('x.csv.note.txt'));
      assert.equal(await readFile(join(dir, 'x.csv'), 'utf8'), 'one more', 'the file stays where it was');
    } finally {
      await sent.close();
    }
  });

  test('a folder removed after it was opened is an error of its own, not a folder "full" after a thousand tries', async () => {
    const dir = await folder();
    const failed = await openFeedSubfolder(dir, 'failed');
    try {
      await rm(join(dir, 'failed'), { recursive: true });
      await assert.rejects(failed.writeNew('x.csv', '.error.txt', 'why'), (error: NodeJS.ErrnoException) => error.code === 'ENOENT');
    } finally {
      await failed.close();
    }
  });
});
