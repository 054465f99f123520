/**
 * Where the spill lines of a grouped conversion wait until every row has been read: in memory
 * for a file that fits, else in partition files in a private temporary folder, each small enough
 * to be grouped in memory on its own (build-orders.ts).
 *
 * Files, not an embedded database: SQLite (better-sqlite3) is a native module that would have to
 * be rebuilt for each Electron ABI and platform the app ships for, which cannot be done or tested
 * here; hash-partitioned text files need nothing but Node. The partition count follows the file's
 * size; a partition that still outgrows memory (one key far more common than the rest) is split
 * again by the next bits of the hash its lines carry, until each fits or holds one key.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpilledRows } from '../process-csv-chunk.js';
import { lineHash } from './spill-rows.js';

/** A partition to build orders from: bytes in memory, or a file. */
export type OrderPartition = { kind: 'memory'; bytes: Uint8Array } | { kind: 'file'; path: string };

/** Bytes written per partition at a time: fewer, larger writes; at most partitions x this is held. */
const WRITE_BYTES = 64 * 1024;
/** The most partition files open at once (macOS allows a process 256 open files by default). */
export const MAX_PARTITIONS = 128;

/** How partitions are kept: in memory, or as files in `dir` (a private folder the caller made). */
export type PartitionPlace = { kind: 'memory' } | { kind: 'disk'; dir: string };

/** Collects spill runs in file order; `finish` hands out the partitions, in order, to build. */
export class OrderPartitions {
  private readonly pending: Buffer[][];
  private readonly pendingBytes: number[];
  private readonly handles: (FileHandle | null)[];
  private readonly memory: Buffer[] = [];

  constructor(
    readonly count: number,
    private readonly place: PartitionPlace,
  ) {
    this.pending = Array.from({ length: count }, () => []);
    this.pendingBytes = new Array<number>(count).fill(0);
    this.handles = new Array<FileHandle | null>(count).fill(null);
  }

  /** Adds a chunk's runs; `firstLine` is the file line of the chunk's line 0. */
  async add(spill: SpilledRows, firstLine: number): Promise<void> {
    const marker = Buffer.from(`@${firstLine}\n`);
    let start = 0;
    for (let p = 0; p < this.count; p++) {
      const end = spill.ends[p] ?? start;
      if (end > start) {
        const run = Buffer.from(spill.bytes.buffer, spill.bytes.byteOffset + start, end - start);
        if (this.place.kind === 'memory') {
          this.memory.push(marker, Buffer.from(run));
        } else {
          this.queue(p, marker);
          this.queue(p, run);
          if ((this.pendingBytes[p] ?? 0) >= WRITE_BYTES) await this.flush(p);
        }
      }
      start = end;
    }
  }

  /** Writes what is pending, closes the files and returns the partitions that hold lines, in order. */
  async finish(): Promise<OrderPartition[]> {
    if (this.place.kind === 'memory') {
      if (this.memory.length === 0) return [];
      // A buffer of its own (never pooled), so it can be transferred to a worker.
      const bytes = new Uint8Array(this.memory.reduce((n, b) => n + b.length, 0));
      let at = 0;
      for (const b of this.memory.splice(0)) {
        bytes.set(b, at);
        at += b.length;
      }
      return [{ kind: 'memory', bytes }];
    }
    const parts: OrderPartition[] = [];
    for (let p = 0; p < this.count; p++) {
      await this.flush(p);
      const handle = this.handles[p];
      if (handle) {
        await handle.close();
        this.handles[p] = null;
        parts.push({ kind: 'file', path: this.path(p) });
      }
    }
    return parts;
  }

  /** Closes any file still open (after a failure); the caller removes the folder. */
  async close(): Promise<void> {
    await Promise.allSettled(this.handles.map((h) => h?.close()));
    this.handles.fill(null);
  }

  private path(p: number): string {
    if (this.place.kind !== 'disk') throw new Error('a partition in memory has no path');
    return join(this.place.dir, `orders-${p}.spill`);
  }

  private queue(p: number, bytes: Buffer): void {
    this.pending[p]?.push(bytes);
    this.pendingBytes[p] = (this.pendingBytes[p] ?? 0) + bytes.length;
  }

  private async flush(p: number): Promise<void> {
    const runs = this.pending[p];
    if (!runs || runs.length === 0) return;
    this.pending[p] = [];
    this.pendingBytes[p] = 0;
    let handle = this.handles[p];
    // 'wx': created here, never an existing file (the folder is private and new).
    if (!handle) handle = this.handles[p] = await open(this.path(p), 'wx', 0o600);
    await handle.writev(runs);
  }
}

/**
 * Splits a partition file too big to group in memory into up to `ways` files by the hash bits
 * after the first `shift`, each run under its chunk's line marker; removes the original. Returns
 * the new partitions in order (empty ones left out).
 */
export async function splitPartition(path: string, shift: number, ways: number): Promise<OrderPartition[]> {
  const dir = `${path}.${shift}`;
  await mkdir(dir, { mode: 0o700 });
  const outs = new OrderPartitions(ways, { kind: 'disk', dir });
  let base = 0;
  let rest = '';
  const runs: string[] = Array.from({ length: ways }, () => '');
  let runBytes = 0;
  const flushRuns = async (): Promise<void> => {
    const encoded = runs.map((r) => Buffer.from(r, 'utf8'));
    const bytes = Buffer.concat(encoded);
    let at = 0;
    const ends = encoded.map((b) => (at += b.length));
    runs.fill('');
    runBytes = 0;
    await outs.add({ bytes, ends }, base);
  };
  try {
    for await (const piece of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const text = rest + (piece as string);
      let from = 0;
      for (let nl = text.indexOf('\n', from); nl !== -1; nl = text.indexOf('\n', from)) {
        const line = text.slice(from, nl + 1);
        from = nl + 1;
        if (line.charCodeAt(0) === 64 /* @ */) {
          if (runBytes > 0) await flushRuns();
          base = Number(line.slice(1, -1));
          continue;
        }
        const index = (lineHash(line) >>> shift) & (ways - 1);
        runs[index] += line;
        runBytes += line.length;
      }
      rest = text.slice(from);
      if (runBytes >= WRITE_BYTES * ways) await flushRuns();
    }
    if (runBytes > 0) await flushRuns();
    const parts = await outs.finish();
    await unlink(path);
    return parts;
  } finally {
    await outs.close();
  }
}

/** A partition's size in bytes. */
export async function partitionBytes(part: OrderPartition): Promise<number> {
  return part.kind === 'memory' ? part.bytes.length : (await stat(part.path)).size;
}
