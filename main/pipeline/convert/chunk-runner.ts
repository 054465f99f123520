import iconv from 'iconv-lite';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordType } from '../../schemas/record-types.js';
import { gzipBytes } from './encode-output.js';
import { processCsvChunk, type ChunkConfig, type ChunkResult } from './process-csv-chunk.js';

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

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The encoding is detected from the first 256 KiB (csv/detect-encoding.ts). A Windows-1252
 * export whose first accented letter comes later is plain ASCII there, so it looks like UTF-8;
 * a chunk that is not valid UTF-8 is read as Windows-1252 instead of turning 'é' into U+FFFD.
 * Input decoded from UTF-16 or Windows-1252 was re-encoded to UTF-8 and never takes this path.
 */
function decodeChunk(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  }
}

/** Converts one chunk in the current thread (used by workers and for small files). */
export function convertChunk(bytes: Uint8Array, setup: RunnerSetup): ChunkOutcome {
  const result = processCsvChunk(decodeChunk(bytes), setup.config, getRecordType(setup.recordType).check);
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
