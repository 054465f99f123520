import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LexerError } from '../../../main/engine/errors.js';
import { MAX_PART_BYTES, parsePartSize } from '../../../main/engine/parts/part-size.js';

test('decimal and binary units, any case, with or without a space', () => {
  const cases: Array<[string, number]> = [
    ['1GB', 1e9], ['1 gb', 1e9], ['500MB', 5e8], ['1.5GB', 1.5e9], ['250kB', 250_000], ['2000000', 2_000_000], ['2000000B', 2_000_000],
    ['1GiB', 2 ** 30], ['512 MiB', 512 * 2 ** 20], ['64KiB', 65_536], ['5GiB', MAX_PART_BYTES], ['1KB', 1000],
  ];
  for (const [text, bytes] of cases) assert.equal(parsePartSize(text), bytes, text);
});

test('what is not a size, or is out of range, gets a message saying what to write', () => {
  const usage = (words: RegExp) => (e: unknown) => e instanceof LexerError && e.code === 'usage' && words.test(e.message + (e.hint ?? ''));
  assert.throws(() => parsePartSize('1 gallon'), usage(/"1 gallon" is not a size.*e\.g\. 1GB/));
  assert.throws(() => parsePartSize('GB'), usage(/not a size/));
  assert.throws(() => parsePartSize('-1GB'), usage(/not a size/));
  assert.throws(() => parsePartSize('6GB'), usage(/out of range.*5GiB \(5,368,709,120 bytes\)/));
  assert.throws(() => parsePartSize('5'), usage(/out of range.*1KB/));
});
