/**
 * The head of a CSV as conversion reads it, before any row is converted: the header row's bytes
 * and dialect (Excel's `sep=` line, the delimiter, the line ending), then the first rows, read
 * once and kept for the conversion, from which the encoding of lines that are not UTF-8 and the
 * order of day and month in date columns are decided.
 */
import Papa from 'papaparse';
import { LexerError } from '../../errors.js';
import { countLineBreaks, detectDelimiter, detectLineEnding, excelSepLine, newlineOf } from '../csv/detect-dialect.js';
import { headerTooLong, MAX_COLUMNS, MAX_HEADER_BYTES, tooManyColumns } from '../csv/header-limits.js';
import { decodeMixed, type DecodedText } from '../csv/mixed-decode.js';
import type { SingleByteEncoding } from '../csv/text-encodings.js';
import { findRowEnd } from '../../io/row-boundary.js';
import { DATE_SAMPLE_BYTES } from './date-columns.js';

export interface HeaderBytes {
  /** The header row's bytes, without its line break. */
  bytes: Uint8Array;
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** Whether Excel's `sep=` line came first (and was skipped). */
  sepLine: boolean;
  /** The bytes after the header row read so far. */
  rest: Uint8Array;
  /** Whether the file ended within the header row. */
  ended: boolean;
}

/** Reads until the header row is complete (at most {@link MAX_HEADER_BYTES}); the bytes after it are `rest`. */
export async function readHeaderBytes(source: AsyncGenerator<Uint8Array>, path: string): Promise<HeaderBytes> {
  const pieces: Uint8Array[] = [];
  let size = 0;
  let buffered = Buffer.alloc(0);
  let end = -1;
  let sep: { delimiter: string; length: number } | null | undefined;
  let dialect: { delimiter: string; newline: '\r\n' | '\n' | '\r' } | null = null;
  let done = false;
  for (;;) {
    const next = await source.next();
    done = next.done === true;
    if (!done) {
      pieces.push(next.value);
      size += next.value.length;
      // A read without a line break cannot end the header row: a wide header is not joined and searched once per read.
      if (dialect !== null && !next.value.includes(0x0a) && !next.value.includes(0x0d)) {
        if (size > MAX_HEADER_BYTES) throw headerTooLong(path);
        continue;
      }
    }
    buffered = Buffer.concat([buffered, ...pieces.splice(0)]);
    // Excel's sep= line decides the delimiter; it is known once the first line is whole.
    if (sep === undefined && (done || buffered.indexOf(0x0a) !== -1 || buffered.indexOf(0x0d) !== -1 || buffered.length >= 64)) {
      sep = excelSepLine(buffered.toString('latin1', 0, 16));
      if (sep) buffered = buffered.subarray(sep.length);
    }
    // The dialect from the first 64 KiB (a character cut at the end does not change the guess).
    if (sep !== undefined) dialect ??= buffered.length >= 64 * 1024 || done ? sniff(buffered, sep?.delimiter) : null;
    if (dialect) end = findRowEnd(buffered, dialect.delimiter, dialect.newline, 'first');
    if (end > 0 || done) break;
    if (buffered.length > MAX_HEADER_BYTES) throw headerTooLong(path);
  }
  dialect ??= sniff(buffered, sep?.delimiter);
  return {
    bytes: buffered.subarray(0, end > 0 ? end - dialect.newline.length : buffered.length), ...dialect, sepLine: Boolean(sep),
    rest: end > 0 ? buffered.subarray(end) : new Uint8Array(0), ended: end <= 0,
  };
}

function sniff(bytes: Buffer, delimiter: string | undefined): { delimiter: string; newline: '\r\n' | '\n' | '\r' } {
  const text = decodeMixed(bytes.subarray(0, 64 * 1024)).text;
  return { delimiter: delimiter ?? detectDelimiter(text), newline: newlineOf(detectLineEnding(text)) };
}

export interface HeaderRow {
  headers: string[];
  /** Physical lines the header takes, with Excel's `sep=` line when there is one. */
  headerLines: number;
  /** The header's decoding: its lines read in the fallback, and the first it does not read. */
  decoded: DecodedText;
}

/** Decodes and parses the header row; refuses an empty one or one over {@link MAX_COLUMNS} columns. */
export function parseHeader(path: string, head: HeaderBytes, fallback: SingleByteEncoding | null): HeaderRow {
  const decoded = decodeMixed(head.bytes, fallback);
  const headers = Papa.parse<string[]>(decoded.text, { delimiter: head.delimiter, newline: head.newline }).data[0] ?? [];
  if (headers.every((h) => h.trim() === '')) {
    throw new LexerError(decoded.text.trim() === '' && head.ended && !head.sepLine ? 'file-empty' : 'unsupported-file', `${path} has no header row: its ${head.sepLine ? 'line after "sep="' : 'first line'} is empty.`, {
      hint: 'The first line must name the columns, e.g. link.email,first_name,last_name.',
    });
  }
  if (headers.length > MAX_COLUMNS) throw tooManyColumns(path, headers.length);
  const headerLines = (head.sepLine ? 1 : 0) + 1 + headers.reduce((n, h) => n + countLineBreaks(h), 0);
  return { headers, headerLines, decoded };
}

/**
 * Reads rows after the header until DATE_SAMPLE_BYTES (or the end) into `pending`, which the
 * conversion then feeds as usual, and returns those bytes cut at a row's end.
 */
export async function readSampleBytes(source: AsyncGenerator<Uint8Array>, pending: Uint8Array[], head: HeaderBytes): Promise<Uint8Array> {
  let size = pending.reduce((n, p) => n + p.length, 0);
  let ended = head.ended;
  while (size < DATE_SAMPLE_BYTES && !ended) {
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
  const end = ended && bytes.length === all.length ? bytes.length : findRowEnd(bytes, head.delimiter, head.newline, 'last');
  return bytes.subarray(0, Math.max(0, end));
}
