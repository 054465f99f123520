import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { LexerError, toLexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import type { ColumnMapping } from './column-mapping.js';
import { ConversionSink } from './convert/conversion-sink.js';
import { convertCsv, type CsvFindings } from './convert/convert-csv.js';
import { convertJsonArray } from './convert/convert-json-array.js';
import { convertNdjson, type Cleaned } from './convert/convert-ndjson.js';
import type { DateOrder } from './convert/date-order.js';
import { readJsonLayout, type FoundEncoding } from './convert/json-text.js';
import type { TextEncoding } from './csv/text-encodings.js';
import { ErrorTally } from './convert/error-tally.js';
import { emailHashPlan } from './convert/hash-emails.js';
import { openOutputFile } from '../io/output-file.js';
import { throttleProgress } from '../io/progress-throttle.js';
import { emptyFile } from '../io/read-head.js';
import { unreadable } from '../io/unreadable.js';
import type { ErrorGroup, LineError } from './validate-ndjson.js';

export interface ConversionProgress { bytesRead: number; totalBytes: number; rows: number }

export interface ConversionResult {
  rows: number;
  written: number;
  /** Rows left out. */
  rejected: number;
  /** The first `maxErrors` problems of rejected rows, one per failing field (all of them go to `onError`). */
  errors: LineError[];
  /** Every problem of every rejected row, counted (never capped). */
  errorCount: number;
  /** Rejected rows counted by field and rule, most frequent first. */
  summary: ErrorGroup[];
  /** Values Lexer converts (pydantic), one sentence per kind with its first line and count. */
  warnings: string[];
  /**
   * Things to know that are not row errors: a sep= line used, required fields no column fills,
   * how each date column was read, what was changed (a phone's apostrophe removed, yes/no written
   * as true/false, a tag list written as a list).
   */
  notes: string[];
  /**
   * With leaveOutInvalidFields: records kept without some invalid optional fields (`records`),
   * those fields (`fields`, one per field), the first `maxErrors` of them, and their count by
   * field and rule. All zero and empty without the option.
   */
  leftOut: { records: number; fields: number; first: LineError[]; summary: ErrorGroup[] };
  /** How the input was read: 'UTF-8', 'Windows-1252', 'UTF-8 and Windows-1252', 'UTF-16LE'... */
  encoding: string;
  /** CSV lines that were not UTF-8 and were read in a single-byte encoding (`encoding`: 'Windows-1252', 'Mac Roman'): how many, and the first ones. */
  fallbackLines: { count: number; lines: number[]; encoding: string };
  /** For NDJSON input: the byte-order marks and blank lines the clean step removed. */
  cleaned: Cleaned;
  output: string;
  /** True when stopOnFirstInvalid stopped at an invalid row; no output file is left then (written is 0). */
  stoppedEarly: boolean;
  /**
   * What an error's `line` counts: the physical line where the record starts (CSV, NDJSON), or,
   * for a JSON array (whose parser gives no positions), the record's 1-based place in the array.
   */
  position: 'line' | 'record';
  /** With hashEmails: the e-mail addresses of the records written replaced by their SHA-256, and those left out (no hashed form); null without. */
  emails: { hashed: number; leftOut: number } | null;
  /**
   * With rows grouped into orders (mapping.groupBy): orders written (also `written`) and refused;
   * `rows` then counts the lines read and `rejected` the lines left out. Null without grouping.
   */
  orders: { written: number; refused: number } | null;
}

export interface ConvertOptions {
  recordType: RecordTypeName;
  /** Default: the input's name with .ndjson (.ndjson.gz when gzip); an output named .gz is always gzipped. */
  output?: string;
  /** Without `columns`, the suggestions from the header names are used (see suggestMapping). */
  mapping?: Partial<ColumnMapping>;
  gzip?: boolean;
  stopOnFirstInvalid?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ConversionProgress) => void;
  /** How many errors `errors` keeps (default 100); the summary counts them all. */
  maxErrors?: number;
  onError?: (e: LineError) => void;
  /** Worker threads for CSV input (default: 2 from 4 MiB, none below); 0 converts in this thread. */
  workers?: number;
  /** CSV numbers are written with a decimal comma (29,95 -> 29.95). */
  decimalComma?: boolean;
  /**
   * The order of day and month in every date and date-time column of a CSV (CLI --date-order);
   * else `mapping.dateOrders` per column, else detected from the first rows (convert/date-columns.ts).
   */
  dateOrder?: DateOrder;
  /** Keep a record whose only invalid fields are optional ones, without them (never the link); report each. */
  leaveOutInvalidFields?: boolean;
  /** A CSV's encoding, as the person chose it (CLI --encoding, the app's choice); default: detected from the file. */
  encoding?: TextEncoding;
  /** Called for every field left out (leaveOutInvalidFields), as onError for rejected rows. */
  onLeftOut?: (e: LineError) => void;
  /**
   * Send e-mail addresses only hashed: each e-mail field becomes its `*_sha256` twin where the
   * record type has one, and is left out where it has none (convert/hash-emails.ts).
   */
  hashEmails?: boolean;
  /** Where a conversion grouping rows into orders keeps the lines of a large file meanwhile (default: the system's temporary folder). */
  tempRoot?: string;
  /** Spill bytes per partition when grouping into orders: tests make it small to use the disk on a small file. */
  groupPartitionBytes?: number;
}

/** Whether a path names NDJSON (or gzipped NDJSON), which conversion cleans rather than converts. */
export function isNdjsonPath(path: string): boolean {
  return /\.(ndjson|jsonl)(\.gz)?$/i.test(path) || /\.gz$/i.test(path);
}

/**
 * Converts a CSV file (any encoding the preview detects) or a JSON array of records to NDJSON,
 * streaming with flat memory; an NDJSON file is cleaned (byte-order marks and blank lines
 * removed, see convert-ndjson.ts). Every row is typed by the record type, checked, and written
 * only when valid; invalid rows are reported with the physical line where they start. The output
 * appears under its final name only when the conversion finished: cancelled, failed, or stopped
 * at the first invalid row, no output file is left.
 */
export async function convertToNdjson(input: string, o: ConvertOptions): Promise<ConversionResult> {
  const inputPath = resolve(input);
  const kind = isNdjsonPath(inputPath) ? 'ndjson' : extname(inputPath).toLowerCase() === '.json' ? 'json' : 'csv';
  const output = resolve(o.output ?? defaultOutput(inputPath, o.gzip ?? false, kind === 'ndjson'));
  if (output === inputPath) {
    throw new LexerError('usage', `The output ${output} would overwrite the input.`, { hint: 'Choose another output name.' });
  }
  const info = await stat(inputPath).catch((error: unknown) => {
    throw unreadable(input, error);
  });
  if (info.isDirectory()) throw unreadable(input, Object.assign(new Error('a folder'), { code: 'EISDIR' }));
  const totalBytes = info.size;
  if (totalBytes === 0) throw emptyFile(input);
  if (o.signal?.aborted) throw cancelled(input);
  const tally = new ErrorTally(o.maxErrors ?? 100, o.onError);
  const leftOut = new ErrorTally(o.maxErrors ?? 100, o.onLeftOut);
  let bytesRead = (): number => 0;
  let rowsSoFar = (): number => 0;
  const progress = throttleProgress(o.onProgress, (): ConversionProgress => ({ bytesRead: Math.min(bytesRead(), totalBytes), totalBytes, rows: rowsSoFar() }));
  const out = await openOutputFile(output);
  const sink = new ConversionSink(out, tally, leftOut, progress.tick, o.signal);
  rowsSoFar = () => sink.rows;
  let found: CsvFindings = { encoding: 'UTF-8', notes: [], fallback: 'Windows-1252' };
  let cleaned: Cleaned = { byteOrderMarks: 0, blankLines: 0, lines: [] };
  let position: ConversionResult['position'] = kind === 'json' ? 'record' : 'line';
  try {
    // An output named .gz is gzipped: a plain file under that name would not open as one.
    const shared = {
      recordType: o.recordType, gzip: (o.gzip ?? false) || /\.gz$/i.test(output), stopOnFirstInvalid: o.stopOnFirstInvalid ?? false,
      leaveOutInvalidFields: o.leaveOutInvalidFields ?? false, signal: o.signal,
      hashPlan: o.hashEmails ? emailHashPlan(o.recordType) : null,
    };
    if (o.mapping?.groupBy !== undefined && kind !== 'csv') {
      throw new LexerError('usage', `--group-by groups the rows of a CSV file into orders; the records of ${basename(input)} are used as they are.`, {
        hint: 'Give each record its products list as JSON, or convert the CSV export.',
      });
    }
    switch (kind) {
      case 'json':
        await convertJsonArray(inputPath, { ...shared, layout: 'array' }, sink, (read) => (bytesRead = read));
        break;
      case 'ndjson': {
        // Named NDJSON, but a JSON array or JSON over several lines (`jq .`): converted record by record.
        const layout = await readJsonLayout(inputPath);
        if (layout !== 'lines') {
          await convertJsonArray(inputPath, { ...shared, layout: layout === 'array' ? 'array' : 'values' }, sink, (read) => (bytesRead = read));
          position = 'record';
          found.notes.push(`${basename(input)} holds ${layout === 'array' ? 'a JSON array' : 'JSON written over several lines (pretty-printed)'}, not one record per line: each record was written on a line of its own.`);
          break;
        }
        const text: FoundEncoding = { encoding: 'UTF-8', marked: false };
        cleaned = await convertNdjson(inputPath, shared, sink, (read) => (bytesRead = read), text);
        if (text.encoding !== 'UTF-8') {
          found.encoding = `${text.encoding} (${text.marked ? 'with a byte-order mark' : 'no byte-order mark'})`;
          found.notes.push(`${basename(input)} is ${text.encoding} text${text.marked ? '' : ' without a byte-order mark'}; Lexer reads NDJSON only as UTF-8, so it was written as UTF-8.`);
        }
        break;
      }
      case 'csv':
        found = await convertCsv(inputPath, {
          ...shared, hashEmails: o.hashEmails ?? false, mapping: o.mapping, workers: o.workers, decimalComma: o.decimalComma, dateOrder: o.dateOrder, encoding: o.encoding,
          ...(o.tempRoot !== undefined ? { tempRoot: o.tempRoot } : {}), ...(o.groupPartitionBytes !== undefined ? { groupPartitionBytes: o.groupPartitionBytes } : {}),
        }, sink, (reader) => {
          bytesRead = () => reader.bytesRead;
        });
        break;
      default: {
        const _exhaustive: never = kind;
        return _exhaustive;
      }
    }
    o.signal?.throwIfAborted();
    if (sink.stoppedEarly) await out.discard();
    else await out.commit();
  } catch (error) {
    await out.discard();
    if (o.signal?.aborted) throw cancelled(input);
    throw toLexerError(error);
  }
  progress.flush();
  return {
    rows: sink.rows, written: sink.stoppedEarly ? 0 : sink.written, rejected: tally.rows, errors: tally.errors, errorCount: tally.total,
    summary: tally.summary(), warnings: sink.warnings.texts(), notes: [...found.notes, ...sink.notes.texts()], encoding: found.encoding,
    leftOut: { records: leftOut.rows, fields: leftOut.total, first: leftOut.errors, summary: leftOut.summary() },
    fallbackLines: { count: sink.fallback.count, lines: sink.fallback.lines, encoding: found.fallback }, cleaned, output, stoppedEarly: sink.stoppedEarly,
    position, emails: o.hashEmails ? { ...sink.emails } : null, orders: kind === 'csv' && o.mapping?.groupBy !== undefined ? { ...sink.orders } : null,
  };
}

function cancelled(input: string): LexerError {
  return new LexerError('cancelled', `Converting ${input} was cancelled; no output file was written.`);
}

/** customers.csv -> customers.ndjson (or customers.ndjson.gz); data.ndjson(.gz) -> data.clean.ndjson(.gz). */
function defaultOutput(input: string, gzip: boolean, ndjson: boolean): string {
  if (ndjson) {
    const gz = /\.gz$/i.test(input);
    const base = input.replace(/\.gz$/i, '').replace(/\.(ndjson|jsonl)$/i, '');
    return `${base}.clean.ndjson${gzip || gz ? '.gz' : ''}`;
  }
  const ext = extname(input);
  return `${ext ? input.slice(0, -ext.length) : input}.ndjson${gzip ? '.gz' : ''}`;
}
