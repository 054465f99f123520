import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { LexerError, toLexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import type { ColumnMapping } from './column-mapping.js';
import { ConversionSink } from './convert/conversion-sink.js';
import { convertCsv } from './convert/convert-csv.js';
import { convertJsonArray } from './convert/convert-json-array.js';
import { ErrorTally } from './convert/error-tally.js';
import { openOutputFile } from './convert/output-file.js';
import { throttleProgress } from './convert/progress-throttle.js';
import type { Utf8Source } from './csv/utf8-bytes.js';
import { emptyFile, unreadable } from './csv/read-head.js';
import type { ErrorGroup, LineError } from './validate-ndjson.js';

export interface ConversionProgress { bytesRead: number; totalBytes: number; rows: number }

export interface ConversionResult {
  rows: number;
  written: number;
  rejected: number;
  /** The first `maxErrors` rejected rows (all of them go to `onError`). */
  errors: LineError[];
  /** Every rejected row counted by field and rule, most frequent first. */
  summary: ErrorGroup[];
  output: string;
  /** True when stopOnFirstInvalid stopped at an invalid row; no output file is left then (written is 0). */
  stoppedEarly: boolean;
  /**
   * What an error's `line` counts: the physical CSV line where the record starts, or, for a JSON
   * array (whose parser gives no positions), the record's 1-based place in the array.
   */
  position: 'line' | 'record';
}

export interface ConvertOptions {
  recordType: RecordTypeName;
  /** Default: the input's name with .ndjson (.ndjson.gz when gzip). */
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
}

/**
 * Converts a CSV file (any encoding the preview detects) or a JSON array of records to NDJSON,
 * streaming with flat memory. Every row is typed by the record type, checked, and written only
 * when valid; invalid rows are reported with the physical line where they start. The output
 * appears under its final name only when the conversion finished: cancelled, failed, or stopped
 * at the first invalid row, no output file is left.
 */
export async function convertToNdjson(input: string, o: ConvertOptions): Promise<ConversionResult> {
  const inputPath = resolve(input);
  if (/\.(ndjson|jsonl|gz)$/i.test(inputPath)) {
    throw new LexerError('unsupported-file', `${input} is not a CSV or a JSON array: nothing to convert.`, {
      hint: 'NDJSON files upload as they are; check them with validate. Convert takes .csv (or .txt/.tsv) and .json files.',
    });
  }
  const output = resolve(o.output ?? defaultOutput(inputPath, o.gzip ?? false));
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
  let bytesRead = (): number => 0;
  let rowsSoFar = (): number => 0;
  const progress = throttleProgress(o.onProgress, (): ConversionProgress => ({ bytesRead: Math.min(bytesRead(), totalBytes), totalBytes, rows: rowsSoFar() }));
  const isJsonArray = extname(inputPath).toLowerCase() === '.json';
  const out = await openOutputFile(output);
  const sink = new ConversionSink(out, tally, progress.tick, o.signal);
  rowsSoFar = () => sink.rows;
  try {
    const shared = { recordType: o.recordType, gzip: o.gzip ?? false, stopOnFirstInvalid: o.stopOnFirstInvalid ?? false, signal: o.signal };
    if (isJsonArray) {
      let read = 0;
      bytesRead = () => read;
      await convertJsonArray(inputPath, shared, sink, (n) => (read += n));
    } else {
      await convertCsv(inputPath, { ...shared, mapping: o.mapping, workers: o.workers }, sink, (reader: Utf8Source) => {
        bytesRead = () => reader.bytesRead;
      });
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
  return { rows: sink.rows, written: sink.stoppedEarly ? 0 : sink.written, rejected: tally.total, errors: tally.errors, summary: tally.summary(), output, stoppedEarly: sink.stoppedEarly, position: isJsonArray ? 'record' : 'line' };
}

function cancelled(input: string): LexerError {
  return new LexerError('cancelled', `Converting ${input} was cancelled; no output file was written.`);
}

/** customers.csv -> customers.ndjson (or customers.ndjson.gz). */
function defaultOutput(input: string, gzip: boolean): string {
  const ext = extname(input);
  return `${ext ? input.slice(0, -ext.length) : input}.ndjson${gzip ? '.gz' : ''}`;
}
