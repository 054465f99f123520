import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineBatches } from '../../../../main/engine/pipeline/validation/line-batcher.js';
import { LexerError } from '../../../../main/engine/errors.js';

async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** The batches as text; a skipped overlong line reads as <overlong N>. */
async function collect(text: string, chunk: number, batch: number, maxLine?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const b of lineBatches(chunksOf(text, chunk), batch, maxLine)) out.push('overlong' in b ? `<overlong ${b.overlong}>` : new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.bytes));
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

test('CR-only and CRLF files are cut at their line ends, never between a CR and its LF', async () => {
  for (const eol of ['\r', '\r\n']) {
    const text = Array.from({ length: 100 }, (_, i) => `{"n":${i}}`).join(eol) + eol;
    for (const [chunk, batch] of [[1, 16], [5, 40], [9, 9]] as const) {
      const batches = await collect(text, chunk, batch);
      assert.equal(batches.join(''), text);
      assert.ok(batches.length > 1, `a ${JSON.stringify(eol)} file is cut into batches`);
      for (const b of batches) {
        assert.ok(b.endsWith(eol), `batch ends with ${JSON.stringify(eol)}`);
        assert.ok(!b.startsWith('\n'), 'a CRLF is never split');
      }
    }
  }
});

test('keeps a UTF-8 BOM (the validator reports it), even when the first chunks are tiny', async () => {
  assert.equal((await collect('\uFEFF{"a":1}\n', 1, 4)).join(''), '\uFEFF{"a":1}\n');
});

test('a file starting with [ is refused as a JSON array, past a BOM and blank lines', async () => {
  await assert.rejects(collect('\uFEFF\n  [{"a":1}]', 2, 10), (e: unknown) => e instanceof LexerError && e.code === 'not-ndjson');
});

test('a line longer than the limit is skipped as it arrives, and the lines around it are kept', async () => {
  const long = 'x'.repeat(5000);
  for (const eol of ['\n', '\r\n', '\r']) {
    for (const chunk of [1, 3, 100, 999]) {
      const got = await collect(`{"a":1}${eol}${long}${eol}{"b":2}${eol}`, chunk, 64, 1000);
      assert.deepEqual(got.filter((b) => b.startsWith('<')), ['<overlong 5000>'], `chunk ${chunk}, ${JSON.stringify(eol)}`);
      assert.equal(got.filter((b) => !b.startsWith('<')).join(''), `{"a":1}${eol}{"b":2}${eol}`);
    }
  }
  // No line break at all: one overlong line, whatever its size.
  assert.deepEqual(await collect('y'.repeat(20_000), 512, 64, 1000), ['<overlong 20000>']);
});
