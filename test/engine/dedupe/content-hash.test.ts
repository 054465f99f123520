import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContentHasher, describeContentHash, hashFile } from '../../../main/engine/dedupe/content-hash.js';

describe('the content hash', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'content-hash-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  test('is the standard XXH3-128, so any xxHash tool (xxhsum -H2) gives the value History shows', async () => {
    // Reference values from the Rust xxhash-rust crate (another implementation than the engine's).
    const path = join(dir, 'known.txt');
    await writeFile(path, 'Lexer Uploader\n');
    assert.deepEqual((await hashFile(path, { contentHash: true, sha256: false })).contentHash, { algorithm: 'xxh3-128', value: '13b5fa9a6f2dbaf5eba0933da3518eb5' });
    const empty = await createContentHasher();
    assert.equal(empty.digest().value, '99aa06d3014798d86001c324468d497f');
  });

  test('fed in pieces of any size, it is the hash of the whole; the sha256 for older entries comes from the same read', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const path = join(dir, 'random.bin');
    await writeFile(path, bytes);
    const whole = await hashFile(path, { contentHash: true, sha256: true });
    const pieces = await createContentHasher();
    for (let at = 0, size = 1; at < bytes.length; at += size, size = size * 3 + 1) pieces.update(bytes.subarray(at, at + size));
    assert.deepEqual(pieces.digest(), whole.contentHash);
    assert.equal(whole.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual(await hashFile(path, { contentHash: false, sha256: false }), { contentHash: null, sha256: null });
  });

  test('History names the algorithm with the value; an entry from an earlier version shows its sha256', () => {
    assert.equal(describeContentHash({ contentHash: { algorithm: 'xxh3-128', value: 'ab'.repeat(16) } }), `xxh3-128:${'ab'.repeat(16)}`);
    assert.equal(describeContentHash({ sourceSha256: 'cd'.repeat(32) }), `sha256:${'cd'.repeat(32)}`);
    assert.equal(describeContentHash({}), null);
  });
});
