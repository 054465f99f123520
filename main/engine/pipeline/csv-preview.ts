import Papa from 'papaparse';
import { LexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { findRowEnd } from '../io/row-boundary.js';
import { countLineBreaks, detectDelimiter, detectLineEnding, excelSepLine, newlineOf, type LineEnding } from './csv/detect-dialect.js';
import { detectEncoding } from './csv/detect-encoding.js';
import { iconvLite } from './csv/lazy-iconv.js';
import { decodeMixed } from './csv/mixed-decode.js';
import { headerIssues, rowIssues } from './csv/preview-issues.js';
import type { Findings, NumberedRow, PreviewIssue } from './csv/preview-types.js';
import { detectDateOrders, type DateColumnFinding } from './csv/detect-date-orders.js';
import { emptyFile, readHead } from '../io/read-head.js';
import { lastBreakEnd } from './validation/line-batcher.js';

export type { PreviewIssue };

export interface CsvPreview {
  /** 'UTF-8', 'UTF-16LE', 'Windows-1252', 'UTF-8 and Windows-1252', or, for a head of plain ASCII, NOT_YET_KNOWN. */
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

/** The encoding of a file whose head is plain ASCII: any later line may still be UTF-8 or Windows-1252. */
export const NOT_YET_KNOWN = 'not known yet (plain ASCII so far)';

const FIRST_READ = 256 * 1024;
const MAX_READ = 16 * 1024 * 1024;
const MAX_NAMED_LINES = 10;

/**
 * Shows the first rows of a CSV and what a person cannot see in it (encoding, BOM, invisible
 * characters, ragged rows, unknown headers), the problems apart from the notes. Reads only the
 * head of the file, 256 KiB and more only when the requested rows do not fit, so a 5 GB file
 * previews as fast as a small one; it reads the head as conversion reads the whole file.
 */
export async function previewCsv(path: string, o: { rows?: number; recordType?: RecordTypeName | null } = {}): Promise<CsvPreview> {
  const wanted = Math.max(0, o.rows ?? 20);
  const recordType = o.recordType ?? null;
  const typed = recordType ? await import('./csv/record-type-issues.js') : null;
  const forType: TypeIssues | null = typed && recordType ? (headers, rows, found) => typed.recordTypeIssues(headers, rows, recordType, found) : null;
  for (let size = FIRST_READ; ; size *= 4) {
    const head = await readHead(path, size);
    if (head.totalBytes === 0) throw emptyFile(path);
    const preview = previewHead(path, head.bytes, head.complete, wanted, forType);
    if (preview.rows.length >= wanted || head.complete || size >= MAX_READ) return preview;
  }
}

/** "line 5", "lines 5 and 9", "lines 5, 9 and 12 (and 3 more)". */
function linesText(lines: readonly number[], total = lines.length): string {
  const shown = lines.slice(0, MAX_NAMED_LINES);
  const more = total > shown.length ? ` (and ${total - shown.length} more)` : '';
  if (shown.length === 1) return `line ${shown[0]}${more}`;
  return `lines ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}${more}`;
}

/** Decodes the head as conversion decodes the file: UTF-16 by its BOM, else line by line. */
function decodeHead(bytes: Buffer, complete: boolean): { encoding: string; bomLength: number; text: string; notes: PreviewIssue[]; problems: PreviewIssue[] } {
  const { encoding, bomLength } = detectEncoding(bytes);
  if (encoding !== 'UTF-8') return { encoding, bomLength, text: iconvLite().decode(bytes, encoding), notes: [], problems: [] };
  // Whole lines only: a head that ends inside a multibyte character must not look like Windows-1252.
  const body = bytes.subarray(bomLength, complete ? bytes.length : Math.max(bomLength, lastBreakEnd(bytes, true)));
  const decoded = decodeMixed(body);
  const lines = decoded.fallbackLines.map((l) => l + 1);
  if (lines.length > 0 && !decoded.utf8NonAscii) {
    return {
      encoding: 'Windows-1252', bomLength, text: decoded.text, notes: [],
      problems: [{ kind: 'not-utf8', message: 'The file is not UTF-8, so it was read as Windows-1252. Check that accented letters (é, ü, ñ) look right here; if not, save it again as "CSV UTF-8".' }],
    };
  }
  if (lines.length > 0) {
    return {
      encoding: 'UTF-8 and Windows-1252', bomLength, text: decoded.text, notes: [],
      problems: [{
        kind: 'not-utf8',
        message: `The file is UTF-8 except ${linesText(lines)}, which ${lines.length === 1 ? 'is' : 'are'} not UTF-8 and ${lines.length === 1 ? 'was' : 'were'} read as Windows-1252. Check the accented letters there (Zoë, not ZoÃ«), or fix ${lines.length === 1 ? 'that line' : 'those lines'} and save the file as "CSV UTF-8".`,
      }],
    };
  }
  if (!decoded.utf8NonAscii && !complete && bomLength === 0) {
    return {
      encoding: NOT_YET_KNOWN, bomLength, text: decoded.text, problems: [],
      notes: [{ kind: 'encoding', message: `The first ${Math.round(body.length / 1024)} KiB are plain ASCII, so the encoding is not known yet. Conversion reads each line as UTF-8, falls back to Windows-1252 for a line that is not UTF-8, and names those lines.` }],
    };
  }
  return { encoding: 'UTF-8', bomLength, text: decoded.text, notes: [], problems: [] };
}

/** The record-type part of a preview (csv/record-type-issues.ts), bound to its record type. */
type TypeIssues = (headers: readonly string[], rows: readonly NumberedRow[], found: Findings) => void;

function previewHead(path: string, bytes: Buffer, complete: boolean, wanted: number, forType: TypeIssues | null): CsvPreview {
  const decoded = decodeHead(bytes, complete);
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
  if (!complete) text = text.slice(0, Math.max(0, findRowEnd(text, delimiter, newline, 'last')));
  const parsed = Papa.parse<string[]>(text.endsWith(newline) ? text.slice(0, -newline.length) : text, { delimiter, newline });
  const numbered = numberRows(parsed.data, text.includes('"'), sep ? 2 : 1);
  const header = numbered.shift();
  if (!header || header.cells.every((cell) => cell.trim() === '')) {
    throw new LexerError('unsupported-file', `${path} has no header row: its ${sep ? 'line after "sep="' : 'first line'} is empty.`, {
      hint: 'The first line must name the columns, e.g. link.email,first_name,last_name.',
    });
  }
  const headers = header.cells;
  const dataRows = numbered.filter((row) => !(row.cells.length === 1 && row.cells[0] === '' && headers.length > 1));
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
