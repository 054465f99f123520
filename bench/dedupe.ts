/**
 * The duplicate guard's cost: looking a large file up in a full History (1,000
 * uploads, one of the same size) when nothing matches must not read the file, only its first and
 * last MiB. Beside it, in the same run, the peer a naive guard would be: the sha256 of the whole
 * file. The file is sparse (its size without the disk space), with real bytes at both ends.
 *
 *   node --import tsx bench/dedupe.ts [--size-gb 20] [--runs 7]
 *
 * Reads are counted through the guard's own file access (main/engine/dedupe/file-bytes.ts), so the
 * figure says what was read, not only how long it took.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskBytes, type FileBytes } from '../main/engine/dedupe/file-bytes.js';
import { findDuplicate } from '../main/engine/dedupe/find-duplicate.js';
import { sha256File } from '../main/engine/dedupe/fingerprint.js';
import type { HistoryEntry } from '../main/engine/history/upload-history.js';
import { flags, machineLine, median, millis, seconds } from './bench-kit.js';

/** The guard's file access, counting what it reads. */
function counting(): { bytes: FileBytes; read: () => number; wholeReads: () => number } {
  let read = 0;
  let whole = 0;
  return {
    read: () => read,
    wholeReads: () => whole,
    bytes: {
      size: (path) => diskBytes.size(path),
      async range(path, position, length) {
        const got = await diskBytes.range(path, position, length);
        read += got.length;
        return got;
      },
      async *stream(path) {
        whole += 1;
        for await (const chunk of diskBytes.stream(path)) {
          read += chunk.length;
          yield chunk;
        }
      },
    },
  };
}

/** A successful upload in History with a made-up fingerprint (`size` bytes, other content). */
function entry(size: number, i: number): HistoryEntry {
  const hex = (): string => randomBytes(32).toString('hex');
  return {
    id: randomUUID(), uploadId: String(1000 + i), filePath: `/exports/customers-${i}.ndjson`, filename: `customers-${i}.ndjson.gz`,
    datasetId: null, recordType: null, bytes: size, status: 'Success', createdAt: new Date(Date.now() - i * 60_000).toISOString(),
    startedAt: null, finishedAt: new Date(Date.now() - i * 60_000).toISOString(), error: null, interrupted: false,
    fingerprint: `fp1:${size}:${hex()}:${hex()}`, sourceSha256: hex(),
  };
}

async function main(): Promise<void> {
  const o = flags({ 'size-gb': '20', runs: '7' });
  const size = Math.round(Number(o['size-gb']) * 1024 ** 3);
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-dedupe-'));
  try {
    const path = join(dir, 'export.ndjson');
    const handle = await open(path, 'w');
    await handle.truncate(size);
    await handle.write(randomBytes(1024 * 1024), 0, 1024 * 1024, 0);
    await handle.write(randomBytes(1024 * 1024), 0, 1024 * 1024, size - 1024 * 1024);
    await handle.close();
    // A full History: 999 other uploads of other sizes, and one of exactly this size (a near miss).
    const history = [entry(size, 0), ...Array.from({ length: 999 }, (_, i) => entry(size - 1 - i * 4096, i + 1))];

    const guard: number[] = [];
    const full: number[] = [];
    let read = 0;
    let wholeReads = 0;
    for (let run = 0; run < Number(o.runs); run += 1) {
      const c = counting();
      const t0 = performance.now();
      const check = await findDuplicate(path, null, { apiUrl: 'https://api.lexer.io', sandbox: false }, history, c.bytes);
      guard.push((performance.now() - t0) / 1000);
      if (check.match || check.contentHash !== null) throw new Error('the guard matched a file it must not');
      read = c.read();
      wholeReads = c.wholeReads();
      const t1 = performance.now();
      await sha256File(path);
      full.push((performance.now() - t1) / 1000);
    }
    console.log(`duplicate guard on a ${o['size-gb']} GiB sparse file, History of ${history.length} uploads (one of the same size); medians (range) of ${o.runs} runs; ${machineLine()}`);
    console.log(`findDuplicate, nothing matches:        ${millis(guard).padEnd(22)} read ${(read / 1024 ** 2).toFixed(1)} MiB of the file, whole reads: ${wholeReads}`);
    console.log(`sha256 of the whole file (the peer):   ${seconds(full)}`);
    console.log(`  the guard costs ${(median(guard) / median(full) * 100).toFixed(3)} % of a whole read (${(median(full) / median(guard)).toFixed(0)}x less); target: no whole read: ${wholeReads === 0 ? 'met' : 'NOT met'}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
