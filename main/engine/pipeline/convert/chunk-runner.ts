import { readFileSync } from 'node:fs';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordType } from '../../schemas/record-types.js';
import { decodeMixed } from '../csv/mixed-decode.js';
import { gzipBytes } from './encode-output.js';
import { buildOrders } from './group/build-orders.js';
import type { OrderPartition } from './group/order-partitions.js';
import { spillCsvChunk } from './group/spill-rows.js';
import { emailHashPlan, type EmailHashPlan } from './hash-emails.js';
import { emptyResult, processCsvChunk, type ChunkConfig, type ChunkResult } from './process-csv-chunk.js';

/** A converted chunk as the writer needs it: counts, problems and the encoded NDJSON bytes. */
export type ChunkOutcome = ChunkResult;

/**
 * Work for a runner: a chunk of whole CSV rows (converted, or with rows grouped into orders,
 * spread over partitions), or a partition of gathered rows to build orders from.
 */
export type RunnerTask = { readonly kind: 'rows'; readonly bytes: Uint8Array } | { readonly kind: 'orders'; readonly partition: OrderPartition };

/** The buffers a task hands over to a worker (moved, not copied). */
export function taskTransfers(task: RunnerTask): ArrayBuffer[] {
  if (task.kind === 'rows') return [task.bytes.buffer as ArrayBuffer];
  return task.partition.kind === 'memory' ? [task.partition.bytes.buffer as ArrayBuffer] : [];
}

/** The buffers an outcome hands back to the main thread. */
export function outcomeTransfers(outcome: ChunkOutcome): ArrayBuffer[] {
  return [outcome.output.buffer as ArrayBuffer, ...(outcome.spill ? [outcome.spill.bytes.buffer as ArrayBuffer] : [])];
}

/** Setup shared by the in-thread runner and the workers (structured-clone safe). */
export interface RunnerSetup {
  config: ChunkConfig;
  recordType: RecordTypeName;
  gzip: boolean;
}

/** Converts chunks and hands the outcomes to `handle` in submission order, one at a time. */
export interface ChunkRunner {
  /** Queues a task (a chunk of UTF-8 bytes of whole rows, or a partition); resolves once there is room for the next one (backpressure). */
  submit(task: RunnerTask): Promise<void>;
  /** Resolves when every submitted chunk has been handled. */
  finish(): Promise<void>;
  /** Stops the runner; chunks not yet handled are dropped. */
  close(): Promise<void>;
}

/**
 * Converts one chunk in the current thread (used by workers and for small files). The bytes are
 * whole rows, so a cut never splits a line: each line is decoded as UTF-8, or in the file's
 * single-byte fallback when it is not UTF-8 (input from UTF-16 or a chosen encoding was
 * re-encoded to UTF-8 and never needs that). A line the fallback does not read right stops the
 * chunk before any row of it is converted.
 */
export function convertChunk(bytes: Uint8Array, setup: RunnerSetup): ChunkOutcome {
  const decoded = decodeMixed(bytes, setup.config.fallback);
  if (decoded.unread) return { ...emptyResult(), stopped: true, encodingConflict: decoded.unread };
  const result = setup.config.group
    ? spillCsvChunk(decoded.text, setup.config)
    : processCsvChunk(decoded.text, setup.config, getRecordType(setup.recordType).check, hashPlanFor(setup));
  result.fallbackLines = decoded.fallbackLines;
  result.utf8NonAscii = decoded.utf8NonAscii;
  return setup.gzip ? { ...result, output: gzipBytes(result.output) } : result;
}

/** Builds the orders of one partition (group/build-orders.ts); a partition file is read here (in the worker). */
export function convertPartition(partition: OrderPartition, setup: RunnerSetup): ChunkOutcome {
  const bytes = partition.kind === 'memory' ? partition.bytes : readFileSync(partition.path);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const result = buildOrders(text, setup.config, getRecordType(setup.recordType).check, hashPlanFor(setup));
  return setup.gzip ? { ...result, output: gzipBytes(result.output) } : result;
}

/** Runs one task in this thread. */
export function runTask(task: RunnerTask, setup: RunnerSetup): ChunkOutcome {
  return task.kind === 'rows' ? convertChunk(task.bytes, setup) : convertPartition(task.partition, setup);
}

const hashPlans = new Map<RecordTypeName, EmailHashPlan>();

/** Where each e-mail field's hash goes, when the conversion sends e-mails only hashed. */
function hashPlanFor(setup: RunnerSetup): EmailHashPlan | null {
  if (!setup.config.hashEmails) return null;
  let plan = hashPlans.get(setup.recordType);
  if (!plan) hashPlans.set(setup.recordType, (plan = emailHashPlan(setup.recordType)));
  return plan;
}

/** A runner without threads: small files convert faster than a worker starts. */
export function createInlineRunner(setup: RunnerSetup, handle: (outcome: ChunkOutcome) => Promise<void>): ChunkRunner {
  return {
    async submit(task) {
      await handle(runTask(task, setup));
    },
    async finish() {},
    async close() {},
  };
}
