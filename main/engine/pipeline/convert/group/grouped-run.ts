/**
 * The two steps of a conversion whose rows are grouped into orders (convert --group-by): every
 * row is read once and gathered by its order's key into partitions (spill-rows.ts,
 * order-partitions.ts); then each partition's orders are built (build-orders.ts), on the worker
 * threads when the file is large. Memory stays flat whatever the file's size: a partition is
 * at most a few megabytes when it is grouped, and the partitions of a large file wait on disk in
 * a private temporary folder, removed when the conversion ends however it ends.
 */
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { LexerError } from '../../../errors.js';
import { createTempWorkspace, type TempWorkspace } from '../../../compress/temp-workspace.js';
import { closestHeaders } from '../../column-mapping.js';
import { cleanHeader } from '../../csv/header-names.js';
import type { ChunkRunner } from '../chunk-runner.js';
import type { SpilledRows } from '../process-csv-chunk.js';
import { MAX_PARTITIONS, OrderPartitions, partitionBytes, splitPartition, type OrderPartition } from './order-partitions.js';

/**
 * Spill bytes of a file whose lines are all gathered in memory, as one partition. A worker's heap
 * is capped at 64 MB (worker-runner.ts); a partition of 8 MiB of spill text measured about 30 MB
 * of heap grouped.
 */
export const MEMORY_BYTES = 8 * 1024 * 1024;
/**
 * Spill bytes per partition file. Up to four partitions are built at once (two workers, two
 * each in flight), and a partition costs about ten times its size while its orders are built
 * (its text, the orders gathered, the records, the NDJSON, the copy sent back): 8 MiB partitions
 * measured 285 MB of peak RSS on a 65 MB export and 470 MB on an 884 MB one; 2 MiB keeps both
 * near the rest of the pipeline's.
 */
export const PARTITION_BYTES = 2 * 1024 * 1024;
/** Spill text per byte of CSV: cells as JSON strings, the key and hash again, the line number. */
const SPILL_PER_CSV_BYTE = 1.6;
/** Ways a partition still too big is split into, by 4 more bits of its lines' hash. */
const SPLIT_WAYS = 16;

export interface GroupedOptions {
  /** The CSV's size in bytes, which decides the partitions. */
  readonly totalBytes: number;
  /** Where the partition folder is made (default: the system's temporary folder). */
  readonly tempRoot?: string | undefined;
  /** Spill bytes per partition (tests make it small to exercise the disk on a small file). */
  readonly partitionBytes?: number | undefined;
}

/** The order column's index: the header as written, or as read without invisible characters and padding. */
export function groupColumnIndex(headers: readonly string[], name: string, file: string): number {
  const exact = headers.indexOf(name);
  const index = exact !== -1 ? exact : headers.findIndex((h) => cleanHeader(h) === cleanHeader(name));
  if (index === -1) {
    const close = closestHeaders(name, headers).map((h) => JSON.stringify(h)).join(', ');
    throw new LexerError('usage', `--group-by "${name}" names no column of ${file}.${close ? ` The closest headers: ${close}.` : ''}`, {
      hint: 'Name the column that holds each line\'s order (receipt or order number) exactly as the file has it, e.g. --group-by "Order ID".',
    });
  }
  return index;
}

/** The smallest power of two at least `n` (partitions are picked by the low bits of a hash). */
function powerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

/** A grouped conversion's partitions, from the first row read to the last order built. */
export class GroupedRun {
  private built = 0;
  private total = 0;
  private reading = true;

  private constructor(
    private readonly partitions: OrderPartitions,
    private readonly workspace: TempWorkspace | null,
    private readonly limit: number,
  ) {}

  /** Sets up the partitions for a file of `totalBytes`: in memory when it fits, else files in a new private folder. */
  static async start(o: GroupedOptions): Promise<GroupedRun> {
    const limit = o.partitionBytes ?? PARTITION_BYTES;
    const estimate = o.totalBytes * SPILL_PER_CSV_BYTE;
    if (estimate <= (o.partitionBytes ?? MEMORY_BYTES)) return new GroupedRun(new OrderPartitions(1, { kind: 'memory' }), null, limit);
    const root = o.tempRoot ?? tmpdir();
    const free = await statfs(root).then((s) => s.bavail * s.bsize, () => Number.POSITIVE_INFINITY);
    if (free < estimate) {
      throw new LexerError('disk-full', `Grouping the lines into orders needs about ${gigabytes(estimate)} of free space in ${root} for a while, and it has ${gigabytes(free)}.`, {
        hint: 'Free some space there (or set TMPDIR to a folder on a bigger disk) and convert again.',
      });
    }
    const workspace = await createTempWorkspace(root);
    const count = Math.min(MAX_PARTITIONS, powerOfTwo(Math.ceil(estimate / limit)));
    return new GroupedRun(new OrderPartitions(count, { kind: 'disk', dir: workspace.dir }), workspace, limit);
  }

  /** How rows are spread while reading: the order column and the partition count. */
  get count(): number {
    return this.partitions.count;
  }

  /** Takes the spill of a chunk of rows whose line 0 is file line `firstLine` (called in file order). */
  async take(spill: SpilledRows | null, firstLine: number): Promise<void> {
    if (spill) await this.partitions.add(spill, firstLine);
  }

  /**
   * After every row was read: hands each partition to the runner to build its orders, in order;
   * a partition too big for memory is split again first.
   */
  async buildAll(runner: ChunkRunner, signal: AbortSignal | undefined): Promise<void> {
    const queue = await this.partitions.finish();
    this.reading = false;
    for (const part of queue) this.total += await partitionBytes(part);
    const shift = Math.log2(this.partitions.count);
    const split = async (part: OrderPartition, bits: number): Promise<void> => {
      signal?.throwIfAborted();
      const size = await partitionBytes(part);
      // A partition of one key (one huge order) cannot shrink: past 32 bits of hash it is built as it is.
      if (part.kind === 'file' && size > 2 * this.limit && bits + 4 <= 32) {
        for (const sub of await splitPartition(part.path, bits, SPLIT_WAYS)) await split(sub, bits + 4);
        return;
      }
      await runner.submit({ kind: 'orders', partition: part });
      this.built += size;
    };
    for (const part of queue) await split(part, shift);
  }

  /** The share of the whole work done, as bytes of the file: reading counts for half, building orders for the other half. */
  progress(bytesRead: number, totalBytes: number): number {
    if (this.reading) return bytesRead / 2;
    return totalBytes / 2 + (this.total === 0 ? totalBytes / 2 : (totalBytes / 2) * Math.min(1, this.built / this.total));
  }

  /** Closes the partition files and removes their folder (safe to call twice). */
  async dispose(): Promise<void> {
    await this.partitions.close();
    await this.workspace?.dispose();
  }
}

function gigabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.ceil(bytes / 1e6)} MB`;
}
