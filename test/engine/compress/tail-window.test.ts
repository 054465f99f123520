import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { TailWindow } from '../../../main/engine/compress/tail-window.js';

test('the window holds the last 32 KiB of everything pushed, however it was cut', () => {
  const stream = randomBytes(200_000);
  for (const piece of [1, 1000, 32_767, 32_768, 50_000]) {
    const window = new TailWindow();
    for (let at = 0; at < stream.length; at += piece) {
      window.push(stream.subarray(at, at + piece));
      const end = Math.min(stream.length, at + piece);
      assert.ok(Buffer.from(window.view).equals(stream.subarray(Math.max(0, end - 32_768), end)), `pieces of ${piece}, at ${end}`);
    }
  }
  const copy = new TailWindow().copy(new TailWindow().push(stream.subarray(0, 10)));
  assert.ok(Buffer.from(copy.view).equals(stream.subarray(0, 10)));
  assert.equal(copy.clear().length, 0);
});
