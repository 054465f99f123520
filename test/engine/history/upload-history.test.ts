import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MAX_HISTORY_ENTRIES, openHistory } from '../../../main/engine/history/upload-history.js';

const HISTORY_MODULE = fileURLToPath(new URL('../../../main/engine/history/upload-history.ts', import.meta.url));

/** Runs `body` in another Node process with `h` = openHistory(file). */
function spawnChild(file: string, body: string) {
  const script = `const { openHistory } = await import(${JSON.stringify(HISTORY_MODULE)}); const h = await openHistory(${JSON.stringify(file)}); ${body}`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
}

/** Runs `body` in another process to its end; answers how it ended. */
function inChild(file: string, body: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawnChild(file, body);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const dirs: string[] = [];
const tempFile = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-history-'));
  dirs.push(dir);
  return join(dir, 'nested', 'history.json');
};
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const base = { filePath: '/data/a.csv', filename: 'a-20261126-v1.csv', datasetId: null, recordType: null, bytes: 10 };

describe('openHistory', () => {
  test('starts empty, keeps entries newest first, and persists them', async () => {
    const file = await tempFile();
    const h = await openHistory(file);
    assert.deepEqual(h.list(), []);
    const first = await h.add(base);
    const second = await h.add({ ...base, filename: 'b-20261126-v1.csv' });
    assert.equal(first.status, 'Pending');
    await h.update(first.id, { status: 'Success', uploadId: '42', finishedAt: new Date().toISOString() });
    const reopened = await openHistory(file);
    // `h` is still open in this process, so its Pending entry is not taken for a crash.
    assert.deepEqual(reopened.list().map((e) => [e.id, e.status, e.uploadId]), [[second.id, 'Pending', null], [first.id, 'Success', '42']]);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
  });

  test('concurrent updates are all kept (writes are serialized)', async () => {
    const file = await tempFile();
    const h = await openHistory(file);
    const added = await Promise.all(Array.from({ length: 20 }, (_, i) => h.add({ ...base, filename: `f${i}-20261126-v1.csv` })));
    // Updates and new entries arriving while earlier writes are still in flight, as the uploads
    // of one queue make them.
    const pending: Array<Promise<unknown>> = [];
    for (const [i, e] of added.entries()) {
      pending.push(h.update(e.id, { status: 'Success', bytes: 99 }));
      if (i % 4 === 0) pending.push(h.add({ ...base, filename: `g${i}-20261126-v1.csv`, status: 'Success', bytes: 99 }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(pending);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { entries: Array<{ status: string; bytes: number }> };
    assert.equal(onDisk.entries.length, 25);
    assert.ok(onDisk.entries.every((e) => e.status === 'Success' && e.bytes === 99));
    assert.deepEqual((await readdir(join(file, '..'))).filter((n) => n !== 'history.json'), [], 'no temp files left behind');
  });

  test('an upload left In Progress by a crash becomes Failed and interrupted on the next start', async () => {
    const file = await tempFile();
    // A real crash: another process starts an upload and is killed with SIGKILL mid-way.
    const child = await inChild(file, `
      const e = await h.add(${JSON.stringify(base)});
      await h.update(e.id, { status: 'In Progress', startedAt: new Date().toISOString() });
      process.kill(process.pid, 'SIGKILL');`);
    assert.equal(child.signal, 'SIGKILL');
    const after = (await openHistory(file)).list()[0];
    assert.equal(after?.status, 'Failed');
    assert.equal(after?.interrupted, true);
    assert.equal(after?.error?.code, 'interrupted');
    assert.match(after?.error?.message ?? '', /did not finish/);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { entries: Array<{ status: string }> };
    assert.equal(onDisk.entries[0]?.status, 'Failed', 'the recovery is written back');
  });

  test('two processes share the journal: a running upload elsewhere is not marked interrupted, and neither erases the other', async () => {
    const file = await tempFile();
    const mine = await openHistory(file);
    const ours = await mine.add({ ...base, filename: 'ours-20261126-v1.csv' });
    // The other process (the CLI beside the app) adds an entry, then waits with it In Progress.
    const child = spawnChild(file, `
      const e = await h.add(${JSON.stringify({ ...base, filename: 'theirs-20261126-v1.csv' })});
      await h.update(e.id, { status: 'In Progress' });
      console.log('started');
      await new Promise((r) => process.stdin.once('data', r));
      await h.update(e.id, { status: 'Success', uploadId: '7' });`);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const third = await openHistory(file);
    assert.equal(third.list().find((e) => e.filename.startsWith('theirs'))?.status, 'In Progress', 'a live upload is left alone');
    await mine.update(ours.id, { status: 'Success', uploadId: '6' });
    child.stdin.end('go\n');
    await new Promise((resolve) => child.once('exit', resolve));
    const final = (await openHistory(file)).list().map((e) => [e.filename, e.status, e.uploadId]).sort();
    assert.deepEqual(final, [['ours-20261126-v1.csv', 'Success', '6'], ['theirs-20261126-v1.csv', 'Success', '7']]);
  });

  test('a corrupt journal is moved aside with a warning, and a fresh one starts', async () => {
    const file = await tempFile();
    const h0 = await openHistory(file);
    await h0.add(base);
    await writeFile(file, '{"version":1,"entries":[{"id":', 'utf8');
    const h = await openHistory(file);
    assert.deepEqual(h.list(), []);
    assert.match(h.warnings[0] ?? '', /could not be read, so it was moved to .*history\.json\.corrupt-\d+/);
    const names = await readdir(join(file, '..'));
    assert.ok(names.some((n) => n.startsWith('history.json.corrupt-')));
    await h.add(base);
    assert.equal((await openHistory(file)).list().length, 1);
  });

  test(`keeps at most ${MAX_HISTORY_ENTRIES} entries in the journal, the oldest leaving it (for the archives)`, async () => {
    const file = await tempFile();
    const h = await openHistory(file);
    for (let i = 0; i < MAX_HISTORY_ENTRIES + 3; i++) void h.add({ ...base, filename: `n${i}.csv` });
    const last = await h.add({ ...base, filename: 'last.csv' });
    assert.equal(h.list().length, MAX_HISTORY_ENTRIES);
    assert.equal(h.list()[0]?.id, last.id);
    assert.ok(!h.list().some((e) => e.filename === 'n0.csv'));
  });
});
