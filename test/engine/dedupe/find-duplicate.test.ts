import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LexerError } from '../../../main/engine/errors.js';
import { diskBytes, type FileBytes } from '../../../main/engine/dedupe/file-bytes.js';
import { describeDuplicate, findDuplicate, type UploadDestination } from '../../../main/engine/dedupe/find-duplicate.js';
import { fingerprintFile, sha256File } from '../../../main/engine/dedupe/fingerprint.js';
import type { UploadConnection } from '../../../main/engine/dedupe/upload-connection.js';
import { openHistory, type UploadHistory } from '../../../main/engine/history/upload-history.js';
import { openFilesUnder } from '../../helpers/open-files.js';
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
const LEXER: UploadConnection = { apiUrl: 'https://api.lexer.io', sandbox: false };

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
      apiUrl: 'https://api.lexer.io/', sandbox: false, fingerprint: await fingerprintFile(path), ...extra,
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
    const check = await findDuplicate(renamed, DATASET, LEXER, reopened.list());
    assert.equal(check.match?.filename, 'customers-20261126-v1.ndjson.gz');
    assert.deepEqual(check.match?.uploadIds, ['4711']);
    assert.deepEqual(check.contentHash, check.match?.entry.contentHash);
    assert.equal(check.contentHash?.algorithm, 'xxh3-128');
    assert.equal(describeDuplicate(check.match!, 'UTC'), 'This file was already sent to https://api.lexer.io on 26 Nov 2026 at 14:02 as customers-20261126-v1.ndjson.gz (upload id 4711).');
  });

  test('one byte changed in the middle is not a duplicate (same fingerprint, the full hash tells them apart)', async () => {
    const changed = join(dir, 'changed.ndjson');
    const bytes = await readFile(original);
    bytes[1_500_000] = (bytes[1_500_000] ?? 0) ^ 1;
    await writeFile(changed, bytes);
    const { bytes: reader, count } = countingBytes();
    const check = await findDuplicate(changed, DATASET, LEXER, history.list(), reader);
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
    const check = await findDuplicate(other, DATASET, LEXER, history.list(), reader);
    assert.deepEqual([check.match, check.contentHash], [null, null]);
    assert.deepEqual(count, { rangeBytes: 2 * 1024 * 1024, streams: 0 });
  });

  test('the same content to another destination, or an upload that did not succeed, is not a duplicate', async () => {
    assert.equal((await findDuplicate(original, { datasetId: 'ds_2', recordType: 'customer_record' }, LEXER, history.list())).match, null, 'another dataset');
    assert.equal((await findDuplicate(original, { datasetId: 'ds_1', recordType: 'purchase' }, LEXER, history.list())).match, null, 'another record type');
    assert.equal((await findDuplicate(original, null, LEXER, history.list())).match, null, 'the staff inbox');
    const failed = join(dir, 'failed.csv');
    await writeFile(failed, 'a,b\n1,2\n');
    const entry = await history.add({ filePath: failed, filename: 'failed-20261126-v1.csv', datasetId: null, recordType: null, bytes: 8, fingerprint: await fingerprintFile(failed) });
    await history.update(entry.id, { status: 'Failed', contentHash: await xxh128File(failed) });
    assert.equal((await findDuplicate(failed, null, LEXER, history.list())).match, null);
  });

  test('a file sent in parts to the staff inbox is recognised, with every part\'s upload id', async () => {
    const csv = join(dir, 'big.csv');
    await writeFile(csv, `id,name\n${Array.from({ length: 1000 }, (_, i) => `${i},n${i}`).join('\n')}\n`);
    const parts = [1, 2].map((index) => ({ index, filename: `big-part0${index}of02-20261126-v1.csv`, status: 'Success' as const, bytes: 4000, uploadId: `90${index}` }));
    await recordSent(csv, 'big-20261126-v1.csv', null, { parts });
    const check = await findDuplicate(csv, null, LEXER, (await openHistory(join(dir, 'history.json'))).list());
    assert.deepEqual(check.match?.uploadIds, ['901', '902']);
    assert.match(describeDuplicate(check.match!, 'UTC'), /as big-20261126-v1\.csv \(2 parts, upload ids 901, 902\)\.$/);
  });

  test('the guard is keyed on the connection: the sandbox is its own, another API URL another, and the message names where it went', async () => {
    const export1 = join(dir, 'connection.ndjson');
    await writeFile(export1, randomBytes(4096));
    await recordSent(export1, 'tried-20261126-v1.ndjson.gz', DATASET, { apiUrl: 'http://127.0.0.1:4010', sandbox: true });
    const sandbox: UploadConnection = { apiUrl: 'http://127.0.0.1:5999', sandbox: true };
    assert.equal((await findDuplicate(export1, DATASET, LEXER, history.list())).match, null, 'tried on the sandbox: not sent to Lexer');
    const again = await findDuplicate(export1, DATASET, sandbox, history.list());
    assert.equal(again.match?.filename, 'tried-20261126-v1.ndjson.gz', 'the sandbox on another port is the same sandbox');
    assert.equal(describeDuplicate(again.match!, 'UTC'), 'This file was already sent to the sandbox on this computer (not Lexer) on 26 Nov 2026 at 14:02 as tried-20261126-v1.ndjson.gz (upload id 4711).');
    const staging: UploadConnection = { apiUrl: 'https://staging.example.com/api', sandbox: false };
    assert.equal((await findDuplicate(original, DATASET, staging, history.list())).match, null, 'sent to Lexer: not at another API URL');
    assert.equal((await findDuplicate(original, DATASET, sandbox, history.list())).match, null, 'sent to Lexer: not in the sandbox');
    assert.ok((await findDuplicate(original, DATASET, { apiUrl: 'https://API.lexer.io/', sandbox: false }, history.list())).match, 'the same URL written another way');
  });

  test('an entry from before History named the API counts for any API but the sandbox, and says nothing of where', async () => {
    const old = join(dir, 'old.ndjson');
    await writeFile(old, randomBytes(4096));
    await recordSent(old, 'old-20261126-v1.ndjson', DATASET, { apiUrl: undefined, sandbox: undefined });
    const check = await findDuplicate(old, DATASET, { apiUrl: 'https://staging.example.com', sandbox: false }, history.list());
    assert.equal(describeDuplicate(check.match!, 'UTC'), 'This file was already sent on 26 Nov 2026 at 14:02 as old-20261126-v1.ndjson (upload id 4711).');
    assert.equal((await findDuplicate(old, DATASET, { apiUrl: 'http://127.0.0.1:1', sandbox: true }, history.list())).match, null);
  });

  test('an upload recorded by an earlier version (a sha256, no content hash) is still caught, in one read', async () => {
    const old = join(dir, 'old-20261001-v1.ndjson');
    await writeFile(old, randomBytes(2 * 1024 * 1024 + 5));
    await recordSent(old, 'old-20261001-v1.ndjson.gz', DATASET, {}, true);
    const copy = join(dir, 'old again.ndjson');
    await copyFile(old, copy);
    const { bytes: reader, count } = countingBytes();
    const check = await findDuplicate(copy, DATASET, LEXER, (await openHistory(join(dir, 'history.json'))).list(), reader);
    assert.equal(check.match?.filename, 'old-20261001-v1.ndjson.gz');
    assert.equal(count.streams, 1);
    const changed = await readFile(old);
    changed[1_000_000] = (changed[1_000_000] ?? 0) ^ 1;
    await writeFile(copy, changed);
    assert.equal((await findDuplicate(copy, DATASET, LEXER, history.list())).match, null, 'the sha256 still tells a changed middle apart');
  });

  test('an entry whose hash is of an algorithm this version does not know is no match (never a guess)', async () => {
    const other = join(dir, 'future.ndjson');
    await writeFile(other, randomBytes(4096));
    const e = await recordSent(other, 'future-20261126-v1.ndjson.gz', DATASET);
    await history.update(e!.id, { contentHash: { algorithm: 'blake3', value: 'ab' } as never });
    assert.equal((await findDuplicate(other, DATASET, LEXER, history.list())).match, null);
  });

  test('of two earlier uploads of the same content, the one that finished last is named', async () => {
    const path = join(dir, 'twice.csv');
    await writeFile(path, 'id\n1\n2\n');
    const fingerprint = await fingerprintFile(path);
    const sourceSha256 = await sha256File(path);
    // Started first but finished last (a slow upload): finishing, not starting, makes it the latest.
    const slow = await history.add({ filePath: path, filename: 'slow-20261126-v1.csv', datasetId: null, recordType: null, bytes: 9, fingerprint });
    const quick = await history.add({ filePath: path, filename: 'quick-20261126-v1.csv', datasetId: null, recordType: null, bytes: 9, fingerprint });
    await history.update(quick.id, { status: 'Success', uploadId: '1', finishedAt: '2026-11-26T10:00:00.000Z', sourceSha256 });
    await history.update(slow.id, { status: 'Success', uploadId: '2', finishedAt: '2026-11-27T09:00:00.000Z', sourceSha256 });
    const check = await findDuplicate(path, null, LEXER, history.list());
    assert.equal(check.match?.filename, 'slow-20261126-v1.csv');
    assert.equal(describeDuplicate(check.match!, 'UTC'), 'This file was already sent on 27 Nov 2026 at 09:00 as slow-20261126-v1.csv (upload id 2).');
  });

  test('an earlier upload whose upload id was never known is still caught, and the sentence names no id', async () => {
    const path = join(dir, 'no-id.csv');
    await writeFile(path, 'id\n3\n');
    const entry = await history.add({ filePath: path, filename: 'no-id-20261126-v1.csv', datasetId: null, recordType: null, bytes: 5, fingerprint: await fingerprintFile(path) });
    await history.update(entry.id, { status: 'Success', finishedAt: '2026-11-26T14:02:00.000Z', sourceSha256: await sha256File(path) });
    const check = await findDuplicate(path, null, LEXER, history.list());
    assert.deepEqual(check.match?.uploadIds, []);
    assert.equal(describeDuplicate(check.match!, 'UTC'), 'This file was already sent on 26 Nov 2026 at 14:02 as no-id-20261126-v1.csv.');
  });

  test('an earlier upload recorded without a content hash is no duplicate and costs no whole read', async () => {
    const path = join(dir, 'old-entry.csv');
    await writeFile(path, 'id\n4\n');
    const entry = await history.add({ filePath: path, filename: 'old-20261126-v1.csv', datasetId: null, recordType: null, bytes: 5, fingerprint: await fingerprintFile(path) });
    await history.update(entry.id, { status: 'Success', uploadId: '5', finishedAt: '2026-11-26T14:02:00.000Z' });
    const { bytes: reader, count } = countingBytes();
    const check = await findDuplicate(path, null, LEXER, history.list(), reader);
    assert.deepEqual([check.match, check.contentHash, count.streams], [null, null, 0]);
  });

  test('a file of at most 1 MiB is read once for its fingerprint', async () => {
    for (const size of [9, 1024 * 1024]) {
      const path = join(dir, `small-${size}.bin`);
      await writeFile(path, randomBytes(size));
      const { bytes: reader, count } = countingBytes();
      await findDuplicate(path, null, LEXER, [], reader);
      assert.deepEqual(count, { rangeBytes: size, streams: 0 }, `${size} bytes`);
    }
  });
});

describe('fingerprints', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'fingerprint-'))));
  after(async () => rm(dir, { recursive: true, force: true }));
  const hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

  test('are fp1:<size>:<sha256 of the first MiB>:<sha256 of the last MiB> in hex, as History keeps them', async () => {
    // History written by earlier versions holds this form: another would never match them again.
    const path = join(dir, 'three.bin');
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    await writeFile(path, bytes);
    const mib = 1024 * 1024;
    assert.equal(await fingerprintFile(path), `fp1:${bytes.length}:${hex(bytes.subarray(0, mib))}:${hex(bytes.subarray(bytes.length - mib))}`);
    assert.equal(await sha256File(path), hex(bytes));
  });
});

describe('reading files for the guard', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'file-bytes-'))));
  after(async () => rm(dir, { recursive: true, force: true }));
  const unreadable = (path: string) => (e: unknown) => e instanceof LexerError && e.code === 'file-unreadable' && e.message.includes(path);

  test('a range past the end gives the bytes there are', async () => {
    const path = join(dir, 'ten.txt');
    await writeFile(path, '0123456789');
    assert.equal(Buffer.from(await diskBytes.range(path, 5, 100)).toString(), '56789');
    assert.equal((await diskBytes.range(path, 10, 4)).length, 0);
  });

  test('a missing file is a plain message naming it, however it is read', async () => {
    const path = join(dir, 'gone.csv');
    await assert.rejects(diskBytes.size(path), unreadable(path));
    await assert.rejects(diskBytes.range(path, 0, 10), unreadable(path));
    await assert.rejects(async () => {
      for await (const chunk of diskBytes.stream(path)) assert.fail(`read ${chunk.length} bytes of a missing file`);
    }, unreadable(path));
    await assert.rejects(findDuplicate(path, null, LEXER, []), unreadable(path));
  });

  test('leaves no file open after reading ranges', { skip: process.platform === 'linux' ? false : 'counts /proc/self/fd' }, async () => {
    // An open handle keeps a watched folder's file from being moved on some systems, and they add up.
    const path = join(dir, 'open.txt');
    await writeFile(path, 'abc');
    for (let i = 0; i < 20; i += 1) await diskBytes.range(path, 0, 3);
    assert.deepEqual(await openFilesUnder(dir), []);
  });
});
