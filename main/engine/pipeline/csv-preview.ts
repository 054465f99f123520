import Papa from 'papaparse';
import { LexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { findRowEnd } from '../io/row-boundary.js';
import { countLineBreaks, detectDelimiter, detectLineEnding, excelSepLine, newlineOf, type LineEnding } from './csv/detect-dialect.js';
import { ASCII_SO_FAR, decodeHead, linesText } from './csv/decode-head.js';
import { headerTooLong, MAX_COLUMNS, MAX_HEADER_BYTES, tooManyColumns } from './csv/header-limits.js';
import type { TextEncoding } from './csv/text-encodings.js';
import { contentRefusal } from '../files/supported-file.js';
import { headerIssues, rowIssues } from './csv/preview-issues.js';
import type { Findings, NumberedRow, PreviewIssue } from './csv/preview-types.js';
import { detectDateOrders, type DateColumnFinding } from './csv/detect-date-orders.js';
import { emptyFile, readHead } from '../io/read-head.js';

export type { PreviewIssue };

export interface CsvPreview {
  /** 'UTF-8', 'UTF-16LE (no byte-order mark)', 'Mac Roman', 'UTF-8 and Windows-1252', or, for a head of plain ASCII, ASCII_SO_FAR. */
  encoding: string;
  delimiter: string;
  lineEnding: LineEnding;
  headers: string[];
  rows: string[][];
  /** Problems to fix before (or while) converting. */
  issues: PreviewIssue[];
  /** What conversion will do that is worth knowing but needs nothing done: a matched header, a BOM removed. */
  notes: PreviewIssue[];
  /**
   * Columns of dates written 25/03/1985, 03/25/1985 or 1985/03/25, with the order of day and
   * month their values in the head show (conversion detects it the same way, or is told).
   */
  dateColumns: DateColumnFinding[];
}

export { ASCII_SO_FAR };

const FIRST_READ = 256 * 1024;
const MAX_READ = MAX_HEADER_BYTES;

/**
 * Shows the first rows of a CSV and what a person cannot see in it (encoding, BOM, invisible
 * characters, ragged rows, unknown headers), the problems apart from the notes. Reads only the
 * head of the file, 256 KiB and more only when the requested rows (or the header row itself) do
 * not fit, so a 5 GB file previews as fast as a small one; it reads the head as conversion reads
 * the whole file, in the encoding the person chose when they chose one.
 */
export async function previewCsv(path: string, o: { rows?: number; recordType?: RecordTypeName | null; encoding?: TextEncoding } = {}): Promise<CsvPreview> {
  const wanted = Math.max(0, o.rows ?? 20);
  const recordType = o.recordType ?? null;
  const typed = recordType ? await import('./csv/record-type-issues.js') : null;
  const forType: TypeIssues | null = typed && recordType ? (headers, rows, found) => typed.recordTypeIssues(headers, rows, recordType, found) : null;
  for (let size = FIRST_READ; ; size *= 4) {
    const head = await readHead(path, size);
    if (head.totalBytes === 0) throw emptyFile(path);
    const refused = contentRefusal(path, head.bytes, 'cli');
    if (refused) throw refused;
    const preview = previewHead(path, head.bytes, head.complete, wanted, forType, o.encoding);
    // No whole row yet: the header row is longer than this read.
    if (preview === null) {
      if (size >= MAX_READ) throw headerTooLong(path);
      continue;
    }
    if (preview.rows.length >= wanted || head.complete || size >= MAX_READ) return preview;
  }
}

/** The record-type part of a preview (csv/record-type-issues.ts), bound to its record type. */
type TypeIssues = (headers: readonly string[], rows: readonly NumberedRow[], found: Findings) => void;

function previewHead(path: string, bytes: Buffer, complete: boolean, wanted: number, forType: TypeIssues | null, chosen: TextEncoding | undefined): CsvPreview | null {
  const decoded = decodeHead(path, bytes, complete, chosen);
  let text = decoded.text;
  const found: Findings = { problems: [...decoded.problems], notes: [...decoded.notes] };
  // Excel's `sep=;` first line names the delimiter and is not data.
  const sep = excelSepLine(text);
  if (sep) {
    text = text.slice(sep.length);
    found.notes.push({ kind: 'sep-line', message: `The first line "sep=${sep.delimiter}" is Excel's delimiter hint: its delimiter is used and the line is skipped.` });
  }
  const delimiter = sep?.delimiter ?? detectDelimiter(text);
  const lineEnding = detectLineEnding(text);
  const newline = newlineOf(lineEnding);
  if (!complete) {
    const end = findRowEnd(text, delimiter, newline, 'last');
    if (end <= 0) return null;
    text = text.slice(0, end);
  }
  const parsed = Papa.parse<string[]>(text.endsWith(newline) ? text.slice(0, -newline.length) : text, { delimiter, newline });
  const numbered = numberRows(parsed.data, text.includes('"'), sep ? 2 : 1);
  const header = numbered.shift();
  if (!header || header.cells.every((cell) => cell.trim() === '')) {
    throw new LexerError('unsupported-file', `${path} has no header row: its ${sep ? 'line after "sep="' : 'first line'} is empty.`, {
      hint: 'The first line must name the columns, e.g. link.email,first_name,last_name.',
    });
  }
  if (header.cells.length > MAX_COLUMNS) throw tooManyColumns(path, header.cells.length);
  const headers = header.cells;
  const repeats: number[] = [];
  const dataRows = numbered.filter((row) => {
    if (row.cells.length === 1 && row.cells[0] === '' && headers.length > 1) return false;
    const copy = row.cells.length === headers.length && row.cells.every((cell, i) => (i === 0 ? cell.replace(/^\ufeff/, '') : cell) === headers[i]);
    if (copy) repeats.push(row.line);
    return !copy;
  });
  if (repeats.length > 0) {
    found.notes.push({ kind: 'repeated-header', message: `${linesText(repeats).replace(/^l/, 'L')} ${repeats.length === 1 ? 'repeats' : 'repeat'} the header row, as where exports are joined one after another: conversion skips ${repeats.length === 1 ? 'it' : 'them'}.` });
  }
  if (decoded.bomLength > 0) {
    found.notes.unshift({ kind: 'bom', message: `The file starts with an invisible byte-order mark (BOM, ${decoded.encoding}). It is removed when converting; some other tools read it as part of the first header "${headers[0] ?? ''}".` });
  }
  headerIssues(headers, found);
  rowIssues(headers, dataRows, delimiter, found);
  forType?.(headers, dataRows.slice(0, Math.max(wanted, 20)), found);
  return {
    encoding: decoded.encoding, delimiter, lineEnding, headers, rows: dataRows.slice(0, wanted).map((row) => row.cells), issues: found.problems, notes: found.notes,
    dateColumns: detectDateOrders(headers, dataRows),
  };
}

/** Gives each parsed row the physical line it starts on (quoted cells can span lines). */
function numberRows(data: string[][], mayHoldBreaks: boolean, firstLine: number): NumberedRow[] {
  let line = firstLine;
  return data.map((cells) => {
    const row = { line, cells };
    line += 1;
    if (mayHoldBreaks) for (const cell of cells) line += countLineBreaks(cell);
    return row;
  });
}
