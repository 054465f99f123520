import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { xxhash128 } from 'hash-wasm';
import { gzipFile, type CompressProgress } from '../../../main/engine/compress/gzip-file.js';
import { LexerError } from '../../../main/engine/errors.js';
import { assertSingleGzipMember } from '../../helpers/gzip-checks.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const xxh128 = async (bytes: Uint8Array): Promise<{ algorithm: 'xxh3-128'; value: string }> => ({ algorithm: 'xxh3-128', value: await xxhash128(bytes) });

/** NDJSON-like text that compresses as exports do, with some random bytes so blocks differ. */
function customerLines(count: number): Buffer {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ link: { email: `p${i}@example.com` }, first_name: ['Jane', 'Aroha', 'Mei'][i % 3], points: (i * 37) % 1000, note: randomBytes(4).toString('hex') }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('gzipFile', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'gzip-file-'))));
  after(async () => rm(dir, { recursive: true, force: true }));

  test('blocks deflated on two worker threads make one gzip member that gzip -t and zlib read', async () => {
    const source = customerLines(40_000); // about 3.6 MB: many 64 KiB blocks across both workers
    const path = join(dir, 'customers.ndjson');
    await writeFile(path, source);
    const events: CompressProgress[] = [];
    const r = await gzipFile(path, join(dir, 'customers.ndjson.gz'), { threads: 2, blockBytes: 64 * 1024, onProgress: (p) => events.push(p) });
    const gz = await readFile(join(dir, 'customers.ndjson.gz'));
    assertSingleGzipMember(gz, source);
    assert.ok(gunzipSync(gz).equals(source));
    assert.equal(spawnSync('gzip', ['-t', join(dir, 'customers.ndjson.gz')]).status, 0, 'gzip -t accepts it');
    assert.deepEqual(r.contentHash, await xxh128(source), 'the content hash of the source, from the same read');
    assert.deepEqual([r.sourceBytes, r.gzipBytes], [source.length, gz.length]);
    assert.ok(gz.length < source.length / 3, 'it compresses');
    assert.deepEqual(events.at(-1), { bytesRead: source.length, totalBytes: source.length, bytesWritten: gz.length });
  });

  test("Python's gzip module reads it", { skip: existsSync('/usr/bin/python3') ? false : 'python3 is not installed' }, async () => {
    const source = customerLines(5000);
    const path = join(dir, 'py.ndjson');
    await writeFile(path, source);
    await gzipFile(path, `${path}.gz`, { threads: 2, blockBytes: 32 * 1024 });
    const py = spawnSync('/usr/bin/python3', ['-c', 'import gzip,hashlib,sys; print(hashlib.sha256(gzip.open(sys.argv[1]).read()).hexdigest())', `${path}.gz`], { encoding: 'utf8' });
    assert.equal(py.stdout.trim(), sha256(source), py.stderr);
  });

  test('every level from 0 to 9, in this thread or on workers, gives the same bytes back', async () => {
    const source = Buffer.concat([customerLines(3000), randomBytes(50_000)]);
    const path = join(dir, 'levels.ndjson');
    await writeFile(path, source);
    for (const level of [0, 1, 6, 9]) {
      for (const threads of [0, 2]) {
        await gzipFile(path, `${path}.gz`, { level, threads, blockBytes: 48 * 1024 });
        assertSingleGzipMember(await readFile(`${path}.gz`), source);
      }
    }
  });

  test('an empty file and a one-byte file make valid gzip', async () => {
    for (const content of [Buffer.alloc(0), Buffer.from('x')]) {
      const path = join(dir, `tiny-${content.length}`);
      await writeFile(path, content);
      const r = await gzipFile(path, `${path}.gz`, { threads: 2 });
      const gz = await readFile(`${path}.gz`);
      assertSingleGzipMember(gz, content);
      assert.deepEqual(r.contentHash, await xxh128(content));
    }
  });

  test('a cancel part-way stops it with a plain message and leaves no file behind', async () => {
    const path = join(dir, 'cancel.ndjson');
    await writeFile(path, customerLines(20_000));
    const controller = new AbortController();
    let readWhenCancelled = 0;
    const run = gzipFile(path, join(dir, 'cancelled.gz'), {
      threads: 2,
      blockBytes: 16 * 1024,
      signal: controller.signal,
      onProgress: (p) => {
        readWhenCancelled ||= p.bytesRead;
        controller.abort();
      },
    });
    await assert.rejects(run, (e) => e instanceof LexerError && e.code === 'cancelled' && /Compressing cancel\.ndjson was cancelled/.test(e.message));
    assert.ok(readWhenCancelled > 0 && readWhenCancelled < 1_000_000, 'cancelled part-way');
    assert.deepEqual((await readdir(dir)).filter((n) => n.includes('cancelled')), [], 'no output, not even a partial one');
  });

  test('a level outside 0-9 is refused before anything is read', async () => {
    await assert.rejects(gzipFile(join(dir, 'missing'), join(dir, 'x.gz'), { level: 10 }), (e) => e instanceof LexerError && e.code === 'usage' && /0 to 9/.test(e.message));
  });

  test('a missing file is named in a plain message', async () => {
    await assert.rejects(gzipFile(join(dir, 'nope.ndjson'), join(dir, 'nope.gz')), (e) => e instanceof LexerError && e.code === 'file-unreadable' && /nope\.ndjson: it does not exist/.test(e.message));
  });
});
