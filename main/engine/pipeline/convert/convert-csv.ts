import { availableParallelism } from 'node:os';
import Papa from 'papaparse';
import { LexerError } from '../../errors.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordFields } from '../../schemas/record-fields.js';
import { completeMapping, suggestColumns, type ColumnMapping } from '../column-mapping.js';
import { countLineBreaks, detectDelimiter, detectLineEnding, excelSepLine, newlineOf } from '../csv/detect-dialect.js';
import { detectEncoding } from '../csv/detect-encoding.js';
import { decodeMixed, encodingName } from '../csv/mixed-decode.js';
import { readUtf8Bytes, type Utf8Source } from '../csv/utf8-bytes.js';
import { readHead } from '../../io/read-head.js';
import type { NumberedRow } from '../csv/preview-types.js';
import { createInlineRunner, type ChunkOutcome, type ChunkRunner, type RunnerSetup } from './chunk-runner.js';
import { planColumns, unfilledNote, unfilledRequired } from './column-plan.js';
import type { ConversionSink } from './conversion-sink.js';
import { applyChosenOrders, DATE_SAMPLE_BYTES, dateConflictError, detectOrders, sampleRows } from './date-columns.js';
import type { DateOrder } from './date-order.js';
import { createFieldLookup } from './field-lookup.js';
import { findRowEnd } from '../../io/row-boundary.js';
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
  /** Read 29,95 in number fields as 29.95. */
  decimalComma?: boolean;
  /** The order of day and month in every date column (CLI --date-order); else per column from the mapping, else detected. */
  dateOrder?: DateOrder;
  /** Keep a record whose only problems are in optional fields, without those fields. */
  leaveOutInvalidFields?: boolean;
  signal?: AbortSignal;
  /** Tests force threads on small files with a number; default: threads from 4 MiB. */
  workers?: number;
}

/** What a CSV conversion found beyond its rows: how the bytes were read, and notes for the user. */
export interface CsvFindings {
  encoding: string;
  notes: string[];
}

/** Streams a CSV file through the chunk runner into the sink; returns what it found about the file. */
export async function convertCsv(path: string, o: CsvConversion, sink: ConversionSink, onReader: (r: Utf8Source) => void): Promise<CsvFindings> {
  const head = await readHead(path, 4);
  const { encoding, bomLength } = detectEncoding(head.bytes);
  const reader = readUtf8Bytes(path, encoding, bomLength, o.signal);
  onReader(reader);
  const source = reader.chunks();
  const first = await readHeader(source, path);
  const lookup = createFieldLookup(getRecordFields(o.recordType));
  const mapping = completeMapping(o.mapping, o.mapping?.columns ? {} : suggestColumns(first.headers, lookup));
  const plan = planColumns(first.headers, lookup, mapping, o.recordType);
  const notes: string[] = [];
  if (first.sepLine) notes.push(`The first line "sep=${first.delimiter}" is Excel's delimiter hint: it was used and skipped.`);
  const unfilled = unfilledNote(unfilledRequired(plan, lookup), o.recordType);
  if (unfilled) notes.push(unfilled);
  // Dates: the person's order where given, else detected from the head (read once, then converted).
  const pending: Uint8Array[] = [first.rest];
  const undecided = applyChosenOrders(plan, { all: o.dateOrder, byHeader: mapping.dateOrders });
  if (undecided.length > 0) detectOrders(undecided, first.headers, await readSample(source, pending, first, undecided.map((t) => t.column)));
  const setup: RunnerSetup = {
    recordType: o.recordType,
    gzip: o.gzip,
    config: {
      plan,
      headerCount: first.headers.length,
      delimiter: first.delimiter,
      newline: first.newline,
      infer: mapping.inferCustomTypes,
      decimalComma: o.decimalComma ?? false,
      stopOnFirstInvalid: o.stopOnFirstInvalid,
      leaveOutInvalidFields: o.leaveOutInvalidFields ?? false,
    },
  };
  let line = 1 + first.headerLines;
  if (first.fallbackLines.length > 0) await sink.accept({ rows: 0, written: 0, rejected: 0, problems: [], output: new Uint8Array(0), stopped: false, fallbackLines: first.fallbackLines });
  const handle = async (outcome: ChunkOutcome): Promise<void> => {
    const at = line;
    if (outcome.dateConflict) {
      const conflict = { ...outcome.dateConflict, line: at + outcome.dateConflict.line };
      throw dateConflictError(conflict);
    }
    const onLine = <T extends { line: number }>(p: T): T => ({ ...p, line: at + p.line });
    line += outcome.lines;
    await sink.accept({
      rows: outcome.rows, written: outcome.written, rejected: outcome.rejected, problems: outcome.problems.map(onLine), output: outcome.output, stopped: outcome.stopped,
      warnings: outcome.warnings.map(onLine), notes: outcome.notes.map(onLine), keptRecords: outcome.keptRecords, leftOut: outcome.leftOut.map(onLine),
      fallbackLines: outcome.fallbackLines.map((l) => at + l), utf8NonAscii: outcome.utf8NonAscii,
    });
  };
  const workers = o.workers ?? (head.totalBytes >= WORKER_THRESHOLD_BYTES ? Math.min(2, availableParallelism()) : 0);
  const runner: ChunkRunner = workers > 0 ? createWorkerRunner(setup, workers, handle) : createInlineRunner(setup, handle);
  try {
    const splitter = new RowSplitter(first.delimiter, first.newline, CHUNK_BYTES);
    const feed = async (piece: Uint8Array): Promise<void> => {
      const chunk = splitter.push(piece);
      if (chunk !== null) await runner.submit(chunk);
    };
    for (const piece of pending) await feed(piece);
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
  const read = encoding === 'UTF-8' ? encodingName(sink.fallback.count, sink.fallback.utf8NonAscii || first.utf8NonAscii) : encoding;
  return { encoding: bomLength > 0 ? `${read} (with a byte-order mark)` : read, notes };
}

/**
 * Reads rows after the header until DATE_SAMPLE_BYTES (or the end) into `pending`, which the
 * conversion then feeds as usual, and returns the cells of `columns` with their line numbers.
 */
async function readSample(source: AsyncGenerator<Uint8Array>, pending: Uint8Array[], first: HeaderRow, columns: readonly number[]): Promise<NumberedRow[]> {
  let size = pending.reduce((n, p) => n + p.length, 0);
  let ended = false;
  while (size < DATE_SAMPLE_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    pending.push(next.value);
    size += next.value.length;
  }
  // The sample is the first DATE_SAMPLE_BYTES (pieces of 256 KiB, the header's read larger), cut at a row's end.
  const all = Buffer.concat(pending);
  const bytes = all.subarray(0, Math.min(all.length, DATE_SAMPLE_BYTES));
  const end = ended && bytes.length === all.length ? bytes.length : findRowEnd(bytes, first.delimiter, first.newline, 'last');
  const text = decodeMixed(bytes.subarray(0, Math.max(0, end))).text;
  return sampleRows(text, first.delimiter, first.newline, columns, 1 + first.headerLines);
}

interface HeaderRow {
  headers: string[];
  /** Physical lines the header takes, with Excel's `sep=` line when there is one. */
  headerLines: number;
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  sepLine: boolean;
  /** File lines of the header read as Windows-1252 (1-based), and whether it had valid non-ASCII UTF-8. */
  fallbackLines: number[];
  utf8NonAscii: boolean;
  rest: Uint8Array;
}

/** Reads until the header row is complete and parses it; the bytes after it are returned as `rest`. */
async function readHeader(source: AsyncGenerator<Uint8Array>, path: string): Promise<HeaderRow> {
  let buffered = Buffer.alloc(0);
  let end = -1;
  let sep: { delimiter: string; length: number } | null | undefined;
  let dialect: { delimiter: string; newline: '\r\n' | '\n' | '\r' } | null = null;
  for (;;) {
    const next = await source.next();
    if (!next.done) buffered = Buffer.concat([buffered, next.value]);
    // Excel's sep= line decides the delimiter; it is known once the first line is whole.
    if (sep === undefined && (next.done || buffered.indexOf(0x0a) !== -1 || buffered.indexOf(0x0d) !== -1 || buffered.length >= 64)) {
      sep = excelSepLine(buffered.toString('latin1', 0, 16));
      if (sep) buffered = buffered.subarray(sep.length);
    }
    // The dialect from the first 64 KiB (a character cut at the end does not change the guess).
    if (sep !== undefined) dialect ??= buffered.length >= 64 * 1024 || next.done ? sniff(buffered, sep?.delimiter) : null;
    if (dialect) end = findRowEnd(buffered, dialect.delimiter, dialect.newline, 'first');
    if (end > 0 || next.done) break;
  }
  dialect ??= sniff(buffered, sep?.delimiter);
  const decoded = decodeMixed(buffered.subarray(0, end > 0 ? end - dialect.newline.length : buffered.length));
  const headerText = decoded.text;
  const headers = Papa.parse<string[]>(headerText, { delimiter: dialect.delimiter, newline: dialect.newline }).data[0] ?? [];
  if (headers.every((h) => h.trim() === '')) {
    throw new LexerError(headerText.trim() === '' && end <= 0 && !sep ? 'file-empty' : 'unsupported-file', `${path} has no header row: its ${sep ? 'line after "sep="' : 'first line'} is empty.`, {
      hint: 'The first line must name the columns, e.g. link.email,first_name,last_name.',
    });
  }
  const skipped = sep ? 1 : 0;
  const headerLines = skipped + 1 + headers.reduce((n, h) => n + countLineBreaks(h), 0);
  return {
    headers, headerLines, ...dialect, sepLine: sep !== null && sep !== undefined,
    fallbackLines: decoded.fallbackLines.map((l) => l + 1 + skipped), utf8NonAscii: decoded.utf8NonAscii,
    rest: end > 0 ? buffered.subarray(end) : new Uint8Array(0),
  };
}

function sniff(bytes: Buffer, delimiter: string | undefined): { delimiter: string; newline: '\r\n' | '\n' | '\r' } {
  const text = decodeMixed(bytes.subarray(0, 64 * 1024)).text;
  return { delimiter: delimiter ?? detectDelimiter(text), newline: newlineOf(detectLineEnding(text)) };
}
