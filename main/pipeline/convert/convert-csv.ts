import { availableParallelism } from 'node:os';
import Papa from 'papaparse';
import { LexerError } from '../../errors.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordType } from '../../schemas/record-types.js';
import { completeMapping, suggestColumns, type ColumnMapping } from '../column-mapping.js';
import { countLineBreaks, detectDelimiter, detectLineEnding, newlineOf } from '../csv/detect-dialect.js';
import { detectEncoding } from '../csv/detect-encoding.js';
import { readUtf8Bytes, type Utf8Source } from '../csv/utf8-bytes.js';
import { readHead } from '../csv/read-head.js';
import { createInlineRunner, type ChunkOutcome, type ChunkRunner, type RunnerSetup } from './chunk-runner.js';
import { planColumns } from './column-plan.js';
import type { ConversionSink } from './conversion-sink.js';
import { createFieldLookup } from './field-lookup.js';
import { findRowEnd } from './row-boundary.js';
import { RowSplitter } from './row-splitter.js';
import { createWorkerRunner } from './worker-runner.js';

/** Below this size a worker's start-up (loading and compiling the schemas) costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;
/** Chunk size in bytes: small enough that each worker's live data stays small. */
const CHUNK_BYTES = 256 * 1024;

export interface CsvConversion {
  recordType: RecordTypeName;
  mapping?: Partial<ColumnMapping>;
  gzip: boolean;
  stopOnFirstInvalid: boolean;
  signal?: AbortSignal;
  /** Tests force threads on small files with a number; default: threads from 4 MiB. */
  workers?: number;
}

/** Streams a CSV file through the chunk runner into the sink; returns the reader for progress. */
export async function convertCsv(path: string, o: CsvConversion, sink: ConversionSink, onReader: (r: Utf8Source) => void): Promise<void> {
  const head = await readHead(path, 256 * 1024);
  const { encoding, bomLength } = detectEncoding(head.bytes, head.complete);
  const reader = readUtf8Bytes(path, encoding, bomLength, o.signal);
  onReader(reader);
  const source = reader.chunks();
  const first = await readHeader(source, path);
  const lookup = createFieldLookup(getRecordType(o.recordType).fields);
  const mapping = completeMapping(o.mapping, o.mapping?.columns ? {} : suggestColumns(first.headers, lookup));
  const setup: RunnerSetup = {
    recordType: o.recordType,
    gzip: o.gzip,
    config: {
      plan: planColumns(first.headers, lookup, mapping, o.recordType),
      headerCount: first.headers.length,
      delimiter: first.delimiter,
      newline: first.newline,
      infer: mapping.inferCustomTypes,
      stopOnFirstInvalid: o.stopOnFirstInvalid,
    },
  };
  let line = 1 + first.headerLines;
  const handle = async (outcome: ChunkOutcome): Promise<void> => {
    const problems = outcome.problems.map((p) => ({ line: line + p.line, message: p.message, field: p.field, rule: p.rule }));
    line += outcome.lines;
    await sink.accept({ rows: outcome.rows, written: outcome.written, problems, output: outcome.output, stopped: outcome.stopped });
  };
  const workers = o.workers ?? (head.totalBytes >= WORKER_THRESHOLD_BYTES ? Math.min(2, availableParallelism()) : 0);
  const runner: ChunkRunner = workers > 0 ? createWorkerRunner(setup, workers, handle) : createInlineRunner(setup, handle);
  try {
    const splitter = new RowSplitter(first.delimiter, first.newline, CHUNK_BYTES);
    const feed = async (piece: Uint8Array): Promise<void> => {
      const chunk = splitter.push(piece);
      if (chunk !== null) await runner.submit(chunk);
    };
    await feed(first.rest);
    for await (const piece of source) {
      if (sink.stoppedEarly) break;
      await feed(piece);
    }
    const last = splitter.end();
    if (last.length > 0 && !sink.stoppedEarly) await runner.submit(last);
    await runner.finish();
  } finally {
    await runner.close();
  }
}

interface HeaderRow { headers: string[]; headerLines: number; delimiter: string; newline: '\r\n' | '\n' | '\r'; rest: Uint8Array }

/** Reads until the header row is complete and parses it; the bytes after it are returned as `rest`. */
async function readHeader(source: AsyncGenerator<Uint8Array>, path: string): Promise<HeaderRow> {
  let buffered = Buffer.alloc(0);
  let end = -1;
  let dialect: { delimiter: string; newline: '\r\n' | '\n' | '\r' } | null = null;
  for (;;) {
    const next = await source.next();
    if (!next.done) buffered = Buffer.concat([buffered, next.value]);
    // The dialect from the first 64 KiB (a character cut at the end does not change the guess).
    dialect ??= buffered.length >= 64 * 1024 || next.done ? sniff(buffered.toString('utf8')) : null;
    if (dialect) end = findRowEnd(buffered, dialect.delimiter, dialect.newline, 'first');
    if (end > 0 || next.done) break;
  }
  dialect ??= sniff(buffered.toString('utf8'));
  const headerText = buffered.toString('utf8', 0, end > 0 ? end - dialect.newline.length : buffered.length);
  const headers = Papa.parse<string[]>(headerText, { delimiter: dialect.delimiter, newline: dialect.newline }).data[0] ?? [];
  if (headers.every((h) => h.trim() === '')) {
    throw new LexerError(headerText.trim() === '' && end <= 0 ? 'file-empty' : 'unsupported-file', `${path} has no header row: its first line is empty.`, {
      hint: 'The first line must name the columns, e.g. link.email,first_name,last_name.',
    });
  }
  const headerLines = 1 + headers.reduce((n, h) => n + countLineBreaks(h), 0);
  return { headers, headerLines, ...dialect, rest: end > 0 ? buffered.subarray(end) : new Uint8Array(0) };
}

function sniff(text: string): { delimiter: string; newline: '\r\n' | '\n' | '\r' } {
  return { delimiter: detectDelimiter(text), newline: newlineOf(detectLineEnding(text)) };
}
