// A watched folder another account writes into (0777, as an export job's share often is), probed
// as a second local user against the real sandbox: a planted link is never followed, another
// account's file is taken only when the feed names it, links planted where the app writes are
// never written through, a sent/ or failed/ that is a link or someone else's is refused, and
// what the app makes is not writable by others. Then, as this user: what is sent is the file that
// was checked, a hard link is not taken, and a name near the length limit keeps its reason.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, link, lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import type { FeedConfig } from '../../../main/engine/feeds/feed-config.js';
import type { FeedEvent } from '../../../main/engine/feeds/feed-events.js';
import { startFeed } from '../../../main/engine/feeds/feed-runner.js';
import { openHistory } from '../../../main/engine/history/upload-history.js';
import { createUploadQueue, type UploadQueue } from '../../../main/engine/upload/upload-queue.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { createSecondUser, secondUserUnavailable, type SecondUser } from '../../helpers/second-user.js';

/** The probes as another account need one: made when the tests run as root (CI), else they skip saying why. */
const AS_ANOTHER = { skip: secondUserUnavailable() ?? false };
const SECRET = 'root-only secret: do not upload\n';
const KEEP = 'a file of the user, 0600: never overwritten\n';

describe('a watched folder shared with another account', () => {
  let t: TestSandbox;
  /** Files only this user may read, outside the folder (what a planted link points at). */
  let own: string;
  let other: SecondUser | null = null;
  let n = 0;
  before(async () => {
    t = await startTestSandbox();
    own = await mkdtemp(join(tmpdir(), 'lexer-own-'));
    await writeFile(join(own, 'secret'), SECRET, { mode: 0o600 });
    if (!secondUserUnavailable()) other = await createSecondUser();
  });
  after(async () => {
    await other?.remove();
    await rm(own, { recursive: true, force: true });
    await t.stop();
  });

  /** A fresh folder anyone may write into (the probe reaches it through /tmp). */
  const sharedFolder = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-shared-'));
    await chmod(dir, 0o777);
    return dir;
  };
  /** A file only this user can read and write, whose content must stay as it is. */
  const keepFile = async (): Promise<string> => {
    const path = join(own, `keep-${(n += 1)}`);
    await writeFile(path, KEEP, { mode: 0o600 });
    return path;
  };
  const runOnce = async (dir: string, o: Partial<FeedConfig> & { token?: string; queue?: UploadQueue; onEvent?: (e: FeedEvent) => void } = {}): Promise<FeedEvent[]> => {
    const feed: FeedConfig = { path: dir, patterns: ['*.csv'], destination: null, convert: null, validate: false, quietSeconds: 0, after: 'sent', polling: false, ...o };
    const seen: FeedEvent[] = [];
    const runner = startFeed({
      feed, once: true, concurrency: 2, retryDelaysMs: [10],
      send: {
        apiUrl: t.sandbox.apiUrl, token: o.token ?? t.sandbox.token, limiter: createRateLimiter({ intervalCap: 1000 }),
        queue: o.queue ?? createUploadQueue({ concurrency: 2 }), history: await openHistory(join(t.work, `${basename(dir)}.history.json`)),
        sandbox: true, ledgerDir: t.work, audience: 'cli', tuning: { maxAttempts: 1, retryBaseMs: 5 },
      },
      onEvent: (e) => {
        seen.push(e);
        o.onEvent?.(e);
      },
    });
    await runner.done;
    return seen;
  };
  const storedText = async (): Promise<string> => (await Promise.all((await t.sandbox.storedFiles()).map((f) => readFile(f.path, 'utf8')))).join('');
  const as = async (command: string, ...args: string[]): Promise<void> => {
    const r = await other!.run(command, args);
    assert.equal(r.code, 0, `${command} ${args.join(' ')} as ${other!.name}: ${r.stderr}`);
  };

  test('a link planted by another account is never followed: left where it is, one line, nothing of its target sent', AS_ANOTHER, async () => {
    const dir = await sharedFolder();
    await as('ln', '-s', join(own, 'secret'), join(dir, 'x-20260101-v1.csv'));
    const seen = await runOnce(dir);
    const notTaken = seen.filter((e) => e.kind === 'not-taken');
    assert.equal(notTaken.length, 1, JSON.stringify(seen));
    assert.deepEqual(notTaken.map((e) => e.kind === 'not-taken' && [e.reason, e.message]), [['link', 'x-20260101-v1.csv is a link; a watched folder never follows links, so it was left where it is. Put the file itself in the folder.']]);
    assert.ok(!seen.some((e) => e.kind === 'sent' || e.kind === 'failed'));
    assert.ok((await lstat(join(dir, 'x-20260101-v1.csv'))).isSymbolicLink(), 'the link is where it was');
    assert.ok(!(await storedText()).includes(SECRET), 'nothing of its target reached the sandbox');
  });

  test('another account\'s file is left where it is, saying which option takes it; named, it is sent', AS_ANOTHER, async () => {
    const dir = await sharedFolder();
    await as(process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(join(dir, 'pos-20260101-v1.csv'))}, 'id\\nfrom-the-export-job\\n')`);
    const refused = await runOnce(dir);
    const line = refused.find((e) => e.kind === 'not-taken');
    assert.ok(line?.kind === 'not-taken' && line.reason === 'other-owner', JSON.stringify(refused));
    assert.match(line.message, new RegExp(`^pos-20260101-v1\\.csv belongs to another account \\(uid ${other!.uid}\\), so it was left where it is: .* lexer-upload watch --file-owner ${other!.uid}\\.$`));
    assert.ok(!(await storedText()).includes('from-the-export-job'));
    const named = await runOnce(dir, { fileOwners: [other!.uid] });
    assert.ok(named.some((e) => e.kind === 'sent'), JSON.stringify(named));
    assert.ok((await storedText()).includes('from-the-export-job'));
  });

  test('links planted where the app writes are never written through: the reason and the note get new names, mode 0600', AS_ANOTHER, async () => {
    const dir = await sharedFolder();
    // The person made failed/ and sent/ themselves, open to the export account too.
    for (const sub of ['failed', 'sent']) {
      await mkdir(join(dir, sub));
      await chmod(join(dir, sub), 0o777);
    }
    const [errorTarget, noteTarget] = [await keepFile(), await keepFile()];
    await as('ln', '-s', errorTarget, join(dir, 'failed', 'shop-20260101-v1.csv.error.txt'));
    await as('ln', '-s', noteTarget, join(dir, 'sent', 'copy-20260101-v1.csv.note.txt'));
    await writeFile(join(dir, 'shop-20260101-v1.csv'), 'id\n1\n');
    const failed = (await runOnce(dir, { token: 'wrong-token-0123456789' })).find((e) => e.kind === 'failed');
    assert.ok(failed?.kind === 'failed' && failed.errorFile, JSON.stringify(failed));
    assert.equal(failed.errorFile, join(dir, 'failed', 'shop-20260101-v1-2.csv.error.txt'));
    assert.match(await readFile(failed.errorFile, 'utf8'), /What happened: Lexer rejected the API token/);
    assert.equal((await stat(failed.errorFile)).mode & 0o777, 0o600, 'it may quote the file: only this user reads it');

    await writeFile(join(dir, 'orig-20260101-v1.csv'), 'id\nsame\n');
    await runOnce(dir);
    await writeFile(join(dir, 'copy-20260101-v1.csv'), 'id\nsame\n');
    const dup = (await runOnce(dir)).find((e) => e.kind === 'duplicate');
    assert.ok(dup, 'the copy is a duplicate');
    assert.match(await readFile(join(dir, 'sent', 'copy-20260101-v1-2.csv.note.txt'), 'utf8'), /was not sent again/);
    assert.equal(await readFile(errorTarget, 'utf8'), KEEP, 'the planted error file\'s target is untouched');
    assert.equal(await readFile(noteTarget, 'utf8'), KEEP, 'the planted note\'s target is untouched');
  });

  test('a sent/ that is a link, or a failed/ of another account, is refused: the file stays, a line says why', AS_ANOTHER, async () => {
    const dir = await sharedFolder();
    const away = (await other!.run('mktemp', ['-d'])).stdout.trim();
    await as('chmod', '777', away);
    await as('ln', '-s', away, join(dir, 'sent'));
    await as('mkdir', '-m', '777', join(dir, 'failed'));
    await writeFile(join(dir, 'good-20260101-v1.csv'), 'id\n2\n');
    const sent = await runOnce(dir);
    assert.ok(sent.some((e) => e.kind === 'sent' && e.movedTo === join(dir, 'good-20260101-v1.csv')), JSON.stringify(sent));
    const problem = sent.find((e) => e.kind === 'problem');
    assert.equal(problem?.kind === 'problem' && problem.message, `good-20260101-v1.csv was left where it is: ${join(dir, 'sent')} is a link to a folder elsewhere, so nothing was moved or written there. Remove it (or rename it) and the app makes a folder of its own there.`);
    assert.deepEqual(await readdir(away), [], 'nothing moved through the link');

    await rm(join(dir, 'good-20260101-v1.csv'));
    await writeFile(join(dir, 'bad-20260101-v1.csv'), 'id\n3\n');
    const failed = await runOnce(dir, { token: 'wrong-token-0123456789' });
    const f = failed.find((e) => e.kind === 'failed');
    assert.ok(f?.kind === 'failed' && f.movedTo === join(dir, 'bad-20260101-v1.csv') && f.errorFile === null, JSON.stringify(failed));
    assert.match(JSON.stringify(failed.find((e) => e.kind === 'problem')), new RegExp(`failed belongs to another account \\(uid ${other!.uid}\\)`));
    assert.deepEqual(await readdir(join(dir, 'failed')), []);
    await rm(away, { recursive: true, force: true });
  });

  test('sent/ and failed/ the app makes are not writable by group or others, whatever the umask', async () => {
    const dir = await sharedFolder();
    await writeFile(join(dir, 'ok-20260101-v1.csv'), 'id\n4\n');
    const old = process.umask(0);
    try {
      await runOnce(dir);
      await writeFile(join(dir, 'no-20260101-v1.csv'), 'id\n5\n');
      await runOnce(dir, { token: 'wrong-token-0123456789' });
    } finally {
      process.umask(old);
    }
    for (const sub of ['sent', 'failed']) assert.equal((await stat(join(dir, sub))).mode & 0o022, 0, `${sub}/ is not group- or other-writable`);
    assert.equal((await stat(join(dir, 'failed', 'no-20260101-v1.csv.error.txt'))).mode & 0o777, 0o600);
  });

  test('what is sent is the file that was checked: swapped for a link by another account while it waits its turn, its own bytes still go', AS_ANOTHER, async () => {
    const dir = await sharedFolder();
    const path = join(dir, 'swap-20260101-v1.csv');
    await writeFile(path, 'id\nthe file checked\n');
    // The queue's one slot is held, so the file waits after it was taken, as behind a big upload.
    const queue = createUploadQueue({ concurrency: 1 });
    let release: () => void = () => undefined;
    void queue.add(() => new Promise<void>((resolve) => (release = resolve)));
    const seen: FeedEvent[] = [];
    const done = runOnce(dir, { queue, onEvent: (e) => seen.push(e) });
    while (!seen.some((e) => e.kind === 'taken')) await new Promise((r) => setTimeout(r, 10));
    await as('mv', path, join(dir, 'elsewhere.txt'));
    await as('ln', '-s', join(own, 'secret'), path);
    release();
    await done;
    assert.ok(seen.some((e) => e.kind === 'problem' && /^swap-20260101-v1\.csv was sent as swap-20260101-v1\.csv, but it was replaced or moved away meanwhile/.test(e.message)), JSON.stringify(seen));
    const text = await storedText();
    assert.ok(text.includes('the file checked'), 'the file taken was sent');
    assert.ok(!text.includes(SECRET), 'the link swapped in was not followed');
    assert.ok((await lstat(path)).isSymbolicLink(), 'what is there now was not moved on the file\'s account');
  });

  test('a file with another name elsewhere (a hard link) is not taken', async () => {
    const dir = await sharedFolder();
    const target = await keepFile();
    await link(target, join(dir, 'hard-20260101-v1.csv'));
    const seen = await runOnce(dir);
    assert.ok(seen.some((e) => e.kind === 'not-taken' && e.reason === 'link' && /has other names \(hard links, 2 in all\)/.test(e.message)), JSON.stringify(seen));
    assert.ok(!(await storedText()).includes(KEEP));
  });

  test('a named pipe is not taken and does not hold the feed up', { skip: process.platform === 'win32' && 'no mkfifo' }, async () => {
    const dir = await sharedFolder();
    execFileSync('mkfifo', [join(dir, 'pipe-20260101-v1.csv')]);
    await writeFile(join(dir, 'real-20260101-v1.csv'), 'id\n6\n');
    const seen = await runOnce(dir);
    assert.ok(seen.some((e) => e.kind === 'not-taken' && e.reason === 'not-a-file' && e.message === 'pipe-20260101-v1.csv is not a regular file, so it was left where it is.'), JSON.stringify(seen));
    assert.ok(seen.some((e) => e.kind === 'sent' && e.file.endsWith('real-20260101-v1.csv')));
  });

  test('a 252-character name: the sandbox stores it, and when it fails its reason lands beside it under a name that fits', async () => {
    const dir = await sharedFolder();
    const name = `${'a'.repeat(252 - '-20260101-v1.csv'.length)}-20260101-v1.csv`;
    assert.equal(name.length, 252);
    await writeFile(join(dir, name), 'id\nlong name\n');
    const sent = await runOnce(dir);
    assert.ok(sent.some((e) => e.kind === 'sent'), JSON.stringify(sent));
    assert.ok((await storedText()).includes('long name'));

    await writeFile(join(dir, name), 'id\nlong name, refused\n');
    const failed = (await runOnce(dir, { token: 'wrong-token-0123456789' })).find((e) => e.kind === 'failed');
    assert.ok(failed?.kind === 'failed' && failed.errorFile, JSON.stringify(failed));
    const errorName = failed.errorFile.slice(join(dir, 'failed').length + 1);
    assert.ok(Buffer.byteLength(errorName) <= 255 && errorName.endsWith('.csv.error.txt'), errorName);
    assert.ok(errorName.startsWith('aaaaaaaaaa'), 'it starts as the file does');
    assert.match(await readFile(failed.errorFile, 'utf8'), /What happened: Lexer rejected the API token/);
  });
});
