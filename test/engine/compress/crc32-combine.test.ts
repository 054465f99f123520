import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { crc32Combine } from '../../../main/engine/compress/crc32-combine.js';

test('combining the CRCs of two pieces gives the CRC of both together', () => {
  for (const [a, b] of [[0, 0], [0, 5], [7, 0], [1, 1], [1000, 65_537], [300_000, 1_048_576]] as const) {
    const left = randomBytes(a);
    const right = randomBytes(b);
    assert.equal(crc32Combine(crc32(left), crc32(right), b), crc32(Buffer.concat([left, right])), `${a} + ${b} bytes`);
  }
});

test('combining is associative for lengths past 4 GiB (a 6 GB source)', () => {
  // crc of n zero bytes, built by doubling with the combine itself
  const zeros = (n: number): number => {
    let crc = crc32(Buffer.alloc(1));
    let have = 1;
    let result = 0;
    let length = 0;
    for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) {
      if (rest % 2 === 1) {
        result = crc32Combine(result, crc, have);
        length += have;
      }
      crc = crc32Combine(crc, crc, have);
      have *= 2;
    }
    assert.equal(length, n);
    return result;
  };
  assert.equal(zeros(100_000), crc32(Buffer.alloc(100_000)));
  const a = crc32(randomBytes(1000));
  const big = 6_000_000_000;
  const bigCrc = zeros(big);
  const c = crc32(Buffer.from('tail'));
  assert.equal(crc32Combine(crc32Combine(a, bigCrc, big), c, 4), crc32Combine(a, crc32Combine(bigCrc, c, 4), big + 4));
});
