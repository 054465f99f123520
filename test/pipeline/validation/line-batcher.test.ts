import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineBatches } from '../../../main/pipeline/validation/line-batcher.js';
import { LexerError } from '../../../main/errors.js';

async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(text: string, chunk: number, batch: number): Promise<string[]> {
  const out: string[] = [];
  for await (const b of lineBatches(chunksOf(text, chunk), batch)) out.push(new TextDecoder().decode(b.bytes));
  return out;
}

test('batches end at line breaks and together hold every byte, whatever the chunking', async () => {
  const text = Array.from({ length: 200 }, (_, i) => `{"n":${i},"s":"${'é'.repeat(i % 7)}"}`).join('\n') + '\n{"last":true}';
  for (const [chunk, batch] of [[1, 16], [7, 50], [64, 64], [1000, 300], [5000, 100000]] as const) {
    const batches = await collect(text, chunk, batch);
    assert.equal(batches.join(''), text, `chunk ${chunk}, batch ${batch}`);
    for (const b of batches.slice(0, -1)) assert.ok(b.endsWith('\n'), `a batch ends mid-line (chunk ${chunk})`);
  }
});

test('drops a UTF-8 BOM, even when the first chunks are tiny', async () => {
  assert.equal((await collect('\uFEFF{"a":1}\n', 1, 4)).join(''), '{"a":1}\n');
});

test('a file starting with [ is refused as a JSON array', async () => {
  await assert.rejects(collect('\uFEFF\n  [{"a":1}]', 2, 10), (e: unknown) => e instanceof LexerError && e.code === 'not-ndjson');
});
