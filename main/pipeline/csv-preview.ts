import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { LexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { getRecordType } from '../schemas/record-types.js';
import { createFieldLookup } from './convert/field-lookup.js';
import { findRowEnd } from './convert/row-boundary.js';
import { countLineBreaks, detectDelimiter, detectLineEnding, newlineOf, type LineEnding } from './csv/detect-dialect.js';
import { detectEncoding } from './csv/detect-encoding.js';
import { headerIssues, rowIssues, unknownHeaderIssues, type NumberedRow } from './csv/preview-issues.js';
import { emptyFile, readHead } from './csv/read-head.js';

export interface PreviewIssue {
  kind: 'bom' | 'invisible-character' | 'duplicate-header' | 'empty-header' | 'ragged-row' | 'unknown-header' | 'not-utf8';
  message: string;
}

export interface CsvPreview {
  encoding: string;
  delimiter: string;
  lineEnding: LineEnding;
  headers: string[];
  rows: string[][];
  issues: PreviewIssue[];
}

const FIRST_READ = 256 * 1024;
const MAX_READ = 16 * 1024 * 1024;

/**
 * Shows the first rows of a CSV and what a person cannot see in it (encoding, BOM, invisible
 * characters, ragged rows, unknown headers). Reads only the head of the file, 256 KiB and more
 * only when the requested rows do not fit, so a 5 GB file previews as fast as a small one.
 */
export async function previewCsv(path: string, o: { rows?: number; recordType?: RecordTypeName | null } = {}): Promise<CsvPreview> {
  const wanted = Math.max(0, o.rows ?? 20);
  for (let size = FIRST_READ; ; size *= 4) {
    const head = await readHead(path, size);
    if (head.totalBytes === 0) throw emptyFile(path);
    const preview = previewHead(path, head.bytes, head.complete, wanted, o.recordType ?? null);
    if (preview.rows.length >= wanted || head.complete || size >= MAX_READ) return preview;
  }
}

function previewHead(path: string, bytes: Buffer, complete: boolean, wanted: number, recordType: RecordTypeName | null): CsvPreview {
  const { encoding, bomLength } = detectEncoding(bytes, complete);
  let text = iconv.decode(bytes, encoding);
  const delimiter = detectDelimiter(text);
  const lineEnding = detectLineEnding(text);
  const newline = newlineOf(lineEnding);
  if (!complete) text = text.slice(0, Math.max(0, findRowEnd(text, delimiter, newline, 'last')));
  const parsed = Papa.parse<string[]>(text.endsWith(newline) ? text.slice(0, -newline.length) : text, { delimiter, newline });
  const numbered = numberRows(parsed.data, text.includes('"'));
  const header = numbered.shift();
  if (!header || header.cells.every((cell) => cell.trim() === '')) {
    throw new LexerError('unsupported-file', `${path} has no header row: its first line is empty.`, {
      hint: 'The first line must name the columns, e.g. link.email,first_name,last_name.',
    });
  }
  const headers = header.cells;
  const dataRows = numbered.filter((row) => !(row.cells.length === 1 && row.cells[0] === '' && headers.length > 1));
  const issues: PreviewIssue[] = [];
  if (bomLength > 0) {
    issues.push({ kind: 'bom', message: `The file starts with an invisible byte-order mark (BOM, ${encoding}). It is removed when converting; some other tools read it as part of the first header "${headers[0] ?? ''}".` });
  }
  if (encoding === 'Windows-1252') {
    issues.push({ kind: 'not-utf8', message: 'The file is not UTF-8, so it was read as Windows-1252. Check that accented letters (é, ü, ñ) look right here; if not, save it again as "CSV UTF-8".' });
  }
  issues.push(...headerIssues(headers), ...rowIssues(headers, dataRows, delimiter));
  if (recordType) issues.push(...unknownHeaderIssues(headers, createFieldLookup(getRecordType(recordType).fields), recordType));
  return { encoding, delimiter, lineEnding, headers, rows: dataRows.slice(0, wanted).map((row) => row.cells), issues };
}

/** Gives each parsed row the physical line it starts on (quoted cells can span lines). */
function numberRows(data: string[][], mayHoldBreaks: boolean): NumberedRow[] {
  let line = 1;
  return data.map((cells) => {
    const row = { line, cells };
    line += 1;
    if (mayHoldBreaks) for (const cell of cells) line += countLineBreaks(cell);
    return row;
  });
}
