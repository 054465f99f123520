import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFreeSpace, estimateGzipBytes, freeBytes } from '../../../main/engine/compress/free-space.js';
import { LexerError } from '../../../main/engine/errors.js';

describe('free space before compressing', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'free-space-'))));
  after(async () => rm(dir, { recursive: true, force: true }));

  test('the estimate follows how well the start of the file compresses', async () => {
    const text = join(dir, 'text.ndjson');
    await writeFile(text, '{"link":{"email":"jane@example.com"},"first_name":"Jane"}\n'.repeat(40_000));
    const noise = join(dir, 'noise.bin');
    await writeFile(noise, randomBytes(2_000_000));
    const textSize = 40_000 * 58;
    assert.ok((await estimateGzipBytes(text, textSize, 6)) < textSize / 10, 'repetitive text: a small share');
    const noiseEstimate = await estimateGzipBytes(noise, 2_000_000, 6);
    assert.ok(noiseEstimate >= 2_000_000 && noiseEstimate <= 2_000_000 + 2_000 + 65_536, 'random bytes: about their size, never more than the worst case');
  });

  test('a disk that cannot hold the result is refused up front, saying how much is needed and how much is free', async () => {
    const free = await freeBytes(dir);
    assert.ok(free !== null && free > 0);
    await ensureFreeSpace(dir, 1000, 'compress small.ndjson');
    await assert.rejects(ensureFreeSpace(dir, free * 2, 'compress huge.ndjson'), (e) =>
      e instanceof LexerError && e.code === 'disk-full' && /compress huge\.ndjson: it needs about [\d,.]+ MB in .+, and [\d,.]+ MB is free\./.test(e.message));
  });

  test('the ratio is sampled only when the disk could not hold the worst case: a roomy disk costs no trial compression', async () => {
    const free = await freeBytes(dir);
    assert.ok(free !== null && free > 0);
    let sampled = 0;
    const estimate = (bytes: number) => async () => { sampled += 1; return bytes; };
    await ensureFreeSpace(dir, { atMost: 1000, estimate: estimate(1000) }, 'compress small.ndjson');
    assert.equal(sampled, 0);
    await ensureFreeSpace(dir, { atMost: free * 2, estimate: estimate(1000) }, 'compress big.ndjson');
    assert.equal(sampled, 1, 'the worst case does not fit: the estimate decides, and it fits');
    await assert.rejects(ensureFreeSpace(dir, { atMost: free * 3, estimate: estimate(free * 2) }, 'compress huge.ndjson'), (e) => e instanceof LexerError && e.code === 'disk-full');
  });
});
