import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskBytes, type FileBytes } from '../../../main/engine/dedupe/file-bytes.js';
import { describeDuplicate, findDuplicate, type UploadDestination } from '../../../main/engine/dedupe/find-duplicate.js';
import { fingerprintFile, sha256File } from '../../../main/engine/dedupe/fingerprint.js';
import { openHistory, type UploadHistory } from '../../../main/engine/history/upload-history.js';
import { xxh128File } from '../../helpers/sandbox.js';

/** The disk, counting what is read: ranges (bytes) and whole-file streams. */
function countingBytes() {
  const count = { rangeBytes: 0, streams: 0 };
  const bytes: FileBytes = {
    size: (path) => diskBytes.size(path),
    async range(path, position, length) {
      const got = await diskBytes.range(path, position, length);
      count.rangeBytes += got.length;
      return got;
    },
    stream(path) {
      count.streams += 1;
      return diskBytes.stream(path);
    },
  };
  return { bytes, count };
}

const DATASET: UploadDestination = { datasetId: 'ds_1', recordType: 'customer_record' };

describe('the duplicate guard', () => {
  let dir: string;
  let history: UploadHistory;
  let original: string;

  /**
   * Records a successful upload of `path` as the upload service does: fingerprint and content hash
   * (XXH3-128) in History; with `legacy`, as versions before it did: a sha256 instead.
   */
  async function recordSent(path: string, filename: string, destination: UploadDestination, extra: Partial<Parameters<UploadHistory['add']>[0]> = {}, legacy = false) {
    const entry = await history.add({
      filePath: path, filename, datasetId: destination?.datasetId ?? null, recordType: destination ? 'customer_record' : null, bytes: 0,
      fingerprint: await fingerprintFile(path), ...extra,
    });
    const hash = legacy ? { sourceSha256: await sha256File(path) } : { contentHash: await xxh128File(path) };
    return history.update(entry.id, { status: 'Success', uploadId: '4711', finishedAt: '2026-11-26T14:02:00.000Z', ...hash });
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dedupe-'));
    history = await openHistory(join(dir, 'history.json'));
    original = join(dir, 'customers-20261126-v1.ndjson');
    // 3 MiB: the middle is read by neither end of the fingerprint.
    await writeFile(original, randomBytes(3 * 1024 * 1024));
    await recordSent(original, 'customers-20261126-v1.ndjson.gz', DATASET);
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  test('the same content under another name, to the same dataset, is caught with the earlier upload', async () => {
    const renamed = join(dir, 'export (copy).ndjson');
    await copyFile(original, renamed);
    const reopened = await openHistory(join(dir, 'history.json')); // what was recorded survives a restart
    const check = await findDuplicate(renamed, DATASET, reopened.list());
    assert.equal(check.match?.filename, 'customers-20261126-v1.ndjson.gz');
    assert.deepEqual(check.match?.uploadIds, ['4711']);
    assert.deepEqual(check.contentHash, check.match?.entry.contentHash);
    assert.equal(check.contentHash?.algorithm, 'xxh3-128');
    assert.equal(describeDuplicate(check.match!, 'UTC'), 'This file was already sent on 26 Nov 2026 at 14:02 as customers-20261126-v1.ndjson.gz (upload id 4711).');
  });

  test('one byte changed in the middle is not a duplicate (same fingerprint, the full hash tells them apart)', async () => {
    const changed = join(dir, 'changed.ndjson');
    const bytes = await readFile(original);
    bytes[1_500_000] = (bytes[1_500_000] ?? 0) ^ 1;
    await writeFile(changed, bytes);
    const { bytes: reader, count } = countingBytes();
    const check = await findDuplicate(changed, DATASET, history.list(), reader);
    assert.equal(check.fingerprint, await fingerprintFile(original), 'the ends are the same');
    assert.equal(check.match, null);
    assert.equal(count.streams, 1, 'a matching fingerprint costs one full read');
  });

  test('a file whose fingerprint matches nothing is never read whole: two 1 MiB reads', async () => {
    const other = join(dir, 'other.ndjson');
    const bytes = await readFile(original);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await writeFile(other, bytes);
    const { bytes: reader, count } = countingBytes();
    const check = await findDuplicate(other, DATASET, history.list(), reader);
    assert.deepEqual([check.match, check.contentHash], [null, null]);
    assert.deepEqual(count, { rangeBytes: 2 * 1024 * 1024, streams: 0 });
  });

  test('the same content to another destination, or an upload that did not succeed, is not a duplicate', async () => {
    assert.equal((await findDuplicate(original, { datasetId: 'ds_2', recordType: 'customer_record' }, history.list())).match, null, 'another dataset');
    assert.equal((await findDuplicate(original, { datasetId: 'ds_1', recordType: 'purchase' }, history.list())).match, null, 'another record type');
    assert.equal((await findDuplicate(original, null, history.list())).match, null, 'the staff inbox');
    const failed = join(dir, 'failed.csv');
    await writeFile(failed, 'a,b\n1,2\n');
    const entry = await history.add({ filePath: failed, filename: 'failed-20261126-v1.csv', datasetId: null, recordType: null, bytes: 8, fingerprint: await fingerprintFile(failed) });
    await history.update(entry.id, { status: 'Failed', contentHash: await xxh128File(failed) });
    assert.equal((await findDuplicate(failed, null, history.list())).match, null);
  });

  test('a file sent in parts to the staff inbox is recognised, with every part\'s upload id', async () => {
    const csv = join(dir, 'big.csv');
    await writeFile(csv, `id,name\n${Array.from({ length: 1000 }, (_, i) => `${i},n${i}`).join('\n')}\n`);
    const parts = [1, 2].map((index) => ({ index, filename: `big-part0${index}of02-20261126-v1.csv`, status: 'Success' as const, bytes: 4000, uploadId: `90${index}` }));
    await recordSent(csv, 'big-20261126-v1.csv', null, { parts });
    const check = await findDuplicate(csv, null, (await openHistory(join(dir, 'history.json'))).list());
    assert.deepEqual(check.match?.uploadIds, ['901', '902']);
    assert.match(describeDuplicate(check.match!, 'UTC'), /as big-20261126-v1\.csv \(2 parts, upload ids 901, 902\)\.$/);
  });

  test('an upload recorded by an earlier version (a sha256, no content hash) is still caught, in one read', async () => {
    const old = join(dir, 'old-20261001-v1.ndjson');
    await writeFile(old, randomBytes(2 * 1024 * 1024 + 5));
    await recordSent(old, 'old-20261001-v1.ndjson.gz', DATASET, {}, true);
    const copy = join(dir, 'old again.ndjson');
    await copyFile(old, copy);
    const { bytes: reader, count } = countingBytes();
    const check = await findDuplicate(copy, DATASET, (await openHistory(join(dir, 'history.json'))).list(), reader);
    assert.equal(check.match?.filename, 'old-20261001-v1.ndjson.gz');
    assert.equal(count.streams, 1);
    const changed = await readFile(old);
    changed[1_000_000] = (changed[1_000_000] ?? 0) ^ 1;
    await writeFile(copy, changed);
    assert.equal((await findDuplicate(copy, DATASET, history.list())).match, null, 'the sha256 still tells a changed middle apart');
  });

  test('an entry whose hash is of an algorithm this version does not know is no match (never a guess)', async () => {
    const other = join(dir, 'future.ndjson');
    await writeFile(other, randomBytes(4096));
    const e = await recordSent(other, 'future-20261126-v1.ndjson.gz', DATASET);
    await history.update(e!.id, { contentHash: { algorithm: 'blake3', value: 'ab' } as never });
    assert.equal((await findDuplicate(other, DATASET, history.list())).match, null);
  });
});
