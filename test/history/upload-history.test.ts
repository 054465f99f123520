import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_HISTORY_ENTRIES, openHistory } from '../../main/history/upload-history.js';

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
    assert.deepEqual(reopened.list().map((e) => [e.id, e.status, e.uploadId]), [[second.id, 'Failed', null], [first.id, 'Success', '42']]);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
  });

  test('concurrent updates are all kept (writes are serialized)', async () => {
    const file = await tempFile();
    const h = await openHistory(file);
    const added = await Promise.all(Array.from({ length: 20 }, (_, i) => h.add({ ...base, filename: `f${i}-20261126-v1.csv` })));
    await Promise.all(added.map((e) => h.update(e.id, { status: 'Success', bytes: 99 })));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { entries: Array<{ status: string; bytes: number }> };
    assert.equal(onDisk.entries.length, 20);
    assert.ok(onDisk.entries.every((e) => e.status === 'Success' && e.bytes === 99));
    assert.deepEqual((await readdir(join(file, '..'))).filter((n) => n !== 'history.json'), [], 'no temp files left behind');
  });

  test('an upload left In Progress by a crash becomes Failed and interrupted on the next start', async () => {
    const file = await tempFile();
    const h = await openHistory(file);
    const e = await h.add(base);
    await h.update(e.id, { status: 'In Progress', startedAt: new Date().toISOString() });
    // The process "dies" here: nothing else touches the journal.
    const after = (await openHistory(file)).list()[0];
    assert.equal(after?.status, 'Failed');
    assert.equal(after?.interrupted, true);
    assert.equal(after?.error?.code, 'interrupted');
    assert.match(after?.error?.message ?? '', /did not finish/);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { entries: Array<{ status: string }> };
    assert.equal(onDisk.entries[0]?.status, 'Failed', 'the recovery is written back');
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

  test(`keeps at most ${MAX_HISTORY_ENTRIES} entries, dropping the oldest`, async () => {
    const file = await tempFile();
    const h = await openHistory(file);
    for (let i = 0; i < MAX_HISTORY_ENTRIES + 3; i++) void h.add({ ...base, filename: `n${i}.csv` });
    const last = await h.add({ ...base, filename: 'last.csv' });
    assert.equal(h.list().length, MAX_HISTORY_ENTRIES);
    assert.equal(h.list()[0]?.id, last.id);
    assert.ok(!h.list().some((e) => e.filename === 'n0.csv'));
  });
});
