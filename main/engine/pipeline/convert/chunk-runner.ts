import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordType } from '../../schemas/record-types.js';
import { decodeMixed } from '../csv/mixed-decode.js';
import { gzipBytes } from './encode-output.js';
import { emptyResult, processCsvChunk, type ChunkConfig, type ChunkResult } from './process-csv-chunk.js';

/** A converted chunk as the writer needs it: counts, problems and the encoded NDJSON bytes. */
export type ChunkOutcome = ChunkResult;

/** Setup shared by the in-thread runner and the workers (structured-clone safe). */
export interface RunnerSetup {
  config: ChunkConfig;
  recordType: RecordTypeName;
  gzip: boolean;
}

/** Converts chunks and hands the outcomes to `handle` in submission order, one at a time. */
export interface ChunkRunner {
  /** Queues a chunk of UTF-8 bytes (whole rows); resolves once there is room for the next one (backpressure). */
  submit(bytes: Uint8Array): Promise<void>;
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
  const result = processCsvChunk(decoded.text, setup.config, getRecordType(setup.recordType).check);
  result.fallbackLines = decoded.fallbackLines;
  result.utf8NonAscii = decoded.utf8NonAscii;
  return setup.gzip ? { ...result, output: gzipBytes(result.output) } : result;
}

/** A runner without threads: small files convert faster than a worker starts. */
export function createInlineRunner(setup: RunnerSetup, handle: (outcome: ChunkOutcome) => Promise<void>): ChunkRunner {
  return {
    async submit(bytes) {
      await handle(convertChunk(bytes, setup));
    },
    async finish() {},
    async close() {},
  };
}
