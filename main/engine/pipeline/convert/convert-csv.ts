import { availableParallelism } from 'node:os';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordFields } from '../../schemas/record-fields.js';
import { contentRefusal } from '../../files/supported-file.js';
import { LexerError } from '../../errors.js';
import { completeMapping, suggestColumns, suggestConstants, type ColumnMapping } from '../column-mapping.js';
import { noSingleEncoding, unreadLineError } from '../csv/encoding-errors.js';
import { decodeMixed } from '../csv/mixed-decode.js';
import { chooseFallback } from '../csv/single-byte.js';
import { sourceEncoding, sourceLabel, zeroBytesNote } from '../csv/source-encoding.js';
import { encodingLabel, type SingleByteEncoding, type TextEncoding } from '../csv/text-encodings.js';
import { readUtf8Bytes } from '../csv/utf8-bytes.js';
import { readHead } from '../../io/read-head.js';
import { createInlineRunner, type ChunkOutcome, type ChunkRunner, type RunnerSetup } from './chunk-runner.js';
import { planColumns, unfilledNote, unfilledRequired } from './column-plan.js';
import type { ConversionSink } from './conversion-sink.js';
import { parseHeader, readHeaderBytes, readSampleBytes } from './csv-head.js';
import { applyChosenOrders, dateConflictError, detectOrders, sampleRows } from './date-columns.js';
import type { DateOrder } from './date-order.js';
import { createFieldLookup, LINE_ITEMS } from './field-lookup.js';
import { groupColumnIndex, GroupedRun } from './group/grouped-run.js';
import { RowSplitter } from './row-splitter.js';
import { createWorkerRunner } from './worker-runner.js';

/** How many repeated header rows a note names; the count is never capped. */
const MAX_NAMED_LINES = 10;
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
  /** The file's encoding, as the person chose it (CLI --encoding); default: detected. */
  encoding?: TextEncoding;
  /** Send e-mail addresses only hashed (hash-emails.ts). */
  hashEmails?: boolean;
  /** Where a grouped conversion gathers the lines of a large file (default: the system's temporary folder). */
  tempRoot?: string;
  /** Spill bytes per partition of a grouped conversion (tests make it small to exercise the disk). */
  groupPartitionBytes?: number;
}

/** What a CSV conversion found beyond its rows: how the bytes were read, and notes for the user. */
export interface CsvFindings {
  encoding: string;
  notes: string[];
  /** The encoding lines that are not UTF-8 were read in ('Windows-1252', 'Mac Roman'). */
  fallback: string;
}

/** Streams a CSV file through the chunk runner into the sink; returns what it found about the file. */
export async function convertCsv(path: string, o: CsvConversion, sink: ConversionSink, onReader: (r: { readonly bytesRead: number }) => void): Promise<CsvFindings> {
  const head = await readHead(path, 64 * 1024);
  const refused = contentRefusal(path, head.bytes, 'cli');
  if (refused) throw refused;
  let source = sourceEncoding(path, head.bytes, o.encoding);
  const reader = readUtf8Bytes(path, source.kind === 'pass-through' ? { kind: 'pass-through', bomLength: source.bomLength } : source, o.signal);
  const stream = reader.chunks();
  const first = await readHeaderBytes(stream, path);
  // The first rows, read once: they decide the encoding of lines that are not UTF-8 and the order of dates.
  const pending: Uint8Array[] = [first.rest];
  const sampleBytes = await readSampleBytes(stream, pending, first);
  const firstLine = first.sepLine ? 2 : 1;
  if (source.kind === 'pass-through' && !source.chosen) {
    const choice = chooseFallback(Buffer.concat([first.bytes, Buffer.from(first.newline), sampleBytes]), firstLine);
    if (!choice.ok) throw noSingleEncoding(path, choice.unread);
    source = { ...source, fallback: choice.fallback };
  }
  // Bytes decoded from UTF-16 or a chosen encoding arrive as valid UTF-8: their fallback is never used.
  const fallback = source.kind === 'pass-through' ? source.fallback : 'windows-1252';
  const chosen = source.chosen;
  const unread = (line: number, readers: readonly SingleByteEncoding[]) => unreadLineError(path, line, fallback ?? 'utf-8', chosen, readers);
  const header = parseHeader(path, first, fallback);
  if (header.decoded.unread) throw unread(firstLine + header.decoded.unread.line, header.decoded.unread.readers);
  const { headers, headerLines } = header;
  const grouped = o.mapping?.groupBy !== undefined;
  const lookup = createFieldLookup(getRecordFields(o.recordType), grouped ? LINE_ITEMS : null);
  const suggested = o.mapping?.columns ? null : suggestColumns(headers, lookup);
  // The values suggestions bring (a SKU column's id_type), under the person's own.
  const constants = { ...(suggested ? suggestConstants(suggested) : {}), ...o.mapping?.constants };
  const mapping = completeMapping({ ...o.mapping, ...(Object.keys(constants).length > 0 ? { constants } : {}) }, suggested ?? {});
  const groupColumn = mapping.groupBy === undefined ? null : groupColumnIndex(headers, mapping.groupBy, path);
  if (groupColumn !== null && lookup.match(LINE_ITEMS).kind !== 'field') {
    throw new LexerError('usage', `--group-by makes one record of each order's lines, but a ${o.recordType} record has no ${LINE_ITEMS} list to hold them.`, {
      hint: 'Group rows into orders for purchase and return records; convert other record types one record per row.',
    });
  }
  const plan = planColumns(headers, lookup, mapping, o.recordType);
  const notes: string[] = [];
  const zeros = zeroBytesNote(source);
  if (zeros) notes.push(zeros);
  if (first.sepLine) notes.push(`The first line "sep=${first.delimiter}" is Excel's delimiter hint: it was used and skipped.`);
  const unfilled = unfilledNote(unfilledRequired(plan, lookup), o.recordType);
  if (unfilled) notes.push(unfilled);
  // Dates: the person's order where given, else detected from the first rows.
  const undecided = applyChosenOrders(plan, { all: o.dateOrder, byHeader: mapping.dateOrders });
  if (undecided.length > 0) {
    const sample = decodeMixed(sampleBytes, fallback);
    if (sample.unread) throw unread(1 + headerLines + sample.unread.line, sample.unread.readers);
    detectOrders(undecided, headers, sampleRows(sample.text, first.delimiter, first.newline, undecided.map((t) => t.column), 1 + headerLines));
  }
  if (header.decoded.fallbackLines.length > 0) {
    await sink.accept({ rows: 0, written: 0, rejected: 0, problems: [], output: new Uint8Array(0), stopped: false, fallbackLines: header.decoded.fallbackLines.map((l) => l + firstLine) });
  }
  const run = groupColumn === null ? null : await GroupedRun.start({ totalBytes: head.totalBytes, tempRoot: o.tempRoot, partitionBytes: o.groupPartitionBytes });
  let line = 1 + headerLines;
  const repeated = { count: 0, lines: [] as number[] };
  // Removed however the conversion ends: the partitions hold customers' data.
  try {
    onReader(run ? { get bytesRead() { return run.progress(reader.bytesRead, head.totalBytes); } } : reader);
    const setup: RunnerSetup = {
      recordType: o.recordType,
      gzip: o.gzip,
      config: {
        plan,
        headerCount: headers.length,
        delimiter: first.delimiter,
        newline: first.newline,
        infer: mapping.inferCustomTypes,
        decimalComma: o.decimalComma ?? false,
        stopOnFirstInvalid: o.stopOnFirstInvalid,
        leaveOutInvalidFields: o.leaveOutInvalidFields ?? false,
        fallback,
        headers,
        constants: Object.values(mapping.constants ?? {}),
        hashEmails: o.hashEmails ?? false,
        group: run && groupColumn !== null ? { column: groupColumn, partitions: run.count } : null,
      },
    };
    // Built orders carry file lines already; rows carry lines from their chunk's start.
    let building = false;
    const handle = async (outcome: ChunkOutcome): Promise<void> => {
      const at = building ? 0 : line;
      if (outcome.dateConflict) throw dateConflictError({ ...outcome.dateConflict, line: at + outcome.dateConflict.line });
      if (outcome.encodingConflict) throw unread(at + outcome.encodingConflict.line, outcome.encodingConflict.readers);
      const onLine = <T extends { line: number }>(p: T): T => ({ ...p, line: at + p.line });
      line += outcome.lines;
      repeated.count += outcome.repeatedHeaders.length;
      repeated.lines.push(...outcome.repeatedHeaders.slice(0, Math.max(0, MAX_NAMED_LINES - repeated.lines.length)).map((l) => at + l));
      await run?.take(outcome.spill, at);
      await sink.accept({
        rows: outcome.rows, written: outcome.written, rejected: outcome.rejected, problems: outcome.problems.map(onLine), output: outcome.output, stopped: outcome.stopped,
        warnings: outcome.warnings.map(onLine), notes: outcome.notes.map(onLine), keptRecords: outcome.keptRecords, leftOut: outcome.leftOut.map(onLine),
        fallbackLines: outcome.fallbackLines.map((l) => at + l), utf8NonAscii: outcome.utf8NonAscii, emails: outcome.emails, orders: outcome.orders,
      });
    };
    const workers = o.workers ?? (head.totalBytes >= WORKER_THRESHOLD_BYTES ? Math.min(2, availableParallelism()) : 0);
    const runner: ChunkRunner = workers > 0 ? createWorkerRunner(setup, workers, handle) : createInlineRunner(setup, handle);
    try {
      const splitter = new RowSplitter(first.delimiter, first.newline, CHUNK_BYTES);
      const feed = async (piece: Uint8Array): Promise<void> => {
        const chunk = splitter.push(piece);
        if (chunk !== null) await runner.submit({ kind: 'rows', bytes: chunk });
      };
      for (const piece of pending) await feed(piece);
      for await (const piece of stream) {
        if (sink.stoppedEarly) break;
        await feed(piece);
      }
      const last = splitter.end();
      if (last.length > 0 && !sink.stoppedEarly) await runner.submit({ kind: 'rows', bytes: last });
      await runner.finish();
      if (run && !sink.stoppedEarly) {
        building = true;
        await run.buildAll(runner, o.signal);
        await runner.finish();
      }
    } finally {
      await runner.close();
    }
  } finally {
    await run?.dispose();
  }
  if (repeated.count > 0) notes.push(repeatedHeaderNote(repeated));
  return {
    encoding: sourceLabel(source, sink.fallback.count, sink.fallback.utf8NonAscii || header.decoded.utf8NonAscii), notes,
    fallback: encodingLabel(fallback ?? 'windows-1252'),
  };
}

/** "Lines 6 and 11 repeat the header row ...": said of rows skipped as copies of the header. */
function repeatedHeaderNote(repeated: { count: number; lines: number[] }): string {
  const { count, lines } = repeated;
  const more = count > lines.length ? ` (and ${count - lines.length} more)` : '';
  const named = lines.length === 1 ? `Line ${lines[0]}${more} repeats` : `Lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}${more} repeat`;
  return `${named} the header row, as where exports are joined one after another; ${count === 1 ? 'it was' : 'they were'} skipped, not converted as customers.`;
}
