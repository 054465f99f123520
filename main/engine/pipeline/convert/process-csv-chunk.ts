import Papa from 'papaparse';
import type { RecordCheck, RecordProblem } from '../../schemas/field-types.js';
import { RowLines } from '../csv/detect-dialect.js';
import type { WarningGroup } from '../validation/types.js';
import { groupWarnings } from '../validation/validate-batch.js';
import { groupNotes } from './build-notes.js';
import { buildRecord, type BuildOptions, type TypingIssue } from './build-record.js';
import { ByteSink } from './byte-sink.js';
import type { ColumnTarget } from './column-plan.js';
import type { DateOrder } from './date-order.js';
import { approximated, stringifyExact } from './exact-number.js';
import { EmailHashTally, hashEmails, type EmailHashPlan, type HashChange } from './hash-emails.js';
import { leaveOutInvalidFields } from './leave-out-fields.js';
import { identifierColumns, identifierOf } from './row-identifier.js';
import type { UnreadLine } from '../csv/mixed-decode.js';
import type { SingleByteEncoding } from '../csv/text-encodings.js';

/** Everything a worker needs to convert chunks; plain data (structured-clone safe). */
export interface ChunkConfig {
  plan: ColumnTarget[];
  headerCount: number;
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  infer: boolean;
  /** Read 29,95 in number fields as 29.95 (the user said the file writes decimal commas). */
  decimalComma: boolean;
  stopOnFirstInvalid: boolean;
  /** Keep a record whose only problems are in optional fields, without those fields. */
  leaveOutInvalidFields: boolean;
  /** How lines that are not UTF-8 are read; null: the person said the file is UTF-8, so such a line stops the conversion. */
  fallback: SingleByteEncoding | null;
  /** The header row as read (its first cell without a BOM), to skip a copy of it further down. */
  headers: readonly string[];
  /** Values every record gets (the mapping's constants), in the order of their plan targets: cells after the file's. */
  constants: readonly string[];
  /** Send e-mail addresses only hashed (hash-emails.ts). */
  hashEmails: boolean;
  /** Rows grouped into orders: the order column and how many partitions its rows are spread over (group/); null: a record per row. */
  group: { column: number; partitions: number } | null;
}

/** Rows a grouped conversion gathered for later: one run of spill lines per partition (group/spill-rows.ts). */
export interface SpilledRows {
  bytes: Uint8Array;
  /** Where each partition's run ends in `bytes` (runs follow one another, partition 0 first). */
  ends: number[];
}

/**
 * A problem of a rejected row (or of a field left out); `line` counts physical lines from the
 * start of the chunk (0 = its first line); `identifier` is the row's link value, when it has one.
 */
export interface ChunkProblem { line: number; field: string; rule: string; message: string; identifier?: string }

/**
 * A date that fits another order of day and month than the one its column's first rows showed
 * (or the first such date of a column whose first rows had none): the conversion stops, since the
 * rows before it may have been read in the wrong order.
 */
export interface DateConflict { line: number; column: number; field: string; header: string; value: string; order: DateOrder | null }

export interface ChunkResult {
  /** Data rows seen (blank lines excluded). */
  rows: number;
  /** Physical lines the chunk spans (quoted cells can hold line breaks). */
  lines: number;
  /** NDJSON of the valid rows, UTF-8. */
  output: Uint8Array;
  written: number;
  /** Rows left out. */
  rejected: number;
  /** Every problem of every rejected row, one per failing field. */
  problems: ChunkProblem[];
  /** Records kept without some of their fields (leaveOutInvalidFields), and those fields. */
  keptRecords: number;
  leftOut: ChunkProblem[];
  /** What conversion changed that the person should know (an apostrophe removed...), by kind, with the chunk line of the first. */
  notes: WarningGroup[];
  /** Set when a date contradicted its column's detected order; the chunk stops there. */
  dateConflict: DateConflict | null;
  /** Values Lexer converts, by kind, with the chunk line of the first. */
  warnings: WarningGroup[];
  /** True when stopOnFirstInvalid cut the chunk at its first invalid row. */
  stopped: boolean;
  /** Chunk lines read in the fallback encoding (csv/mixed-decode.ts), and whether valid non-ASCII UTF-8 was seen. */
  fallbackLines: number[];
  utf8NonAscii: boolean;
  /** The first chunk line the fallback does not read right; nothing of the chunk was converted. */
  encodingConflict: UnreadLine | null;
  /** Chunk lines holding a copy of the header row (files joined one after another), skipped. */
  repeatedHeaders: number[];
  /** E-mail addresses of the written records replaced by their hash, and left out (hash-emails.ts). */
  emails: { hashed: number; leftOut: number };
  /** Grouped, reading: the rows gathered by order, to be built later; null otherwise. */
  spill: SpilledRows | null;
  /** Grouped, building: orders written and refused (`written` counts the same records, `rejected` the refused orders' lines). */
  orders: { written: number; refused: number };
}

/** A result with nothing in it yet. */
export function emptyResult(): ChunkResult {
  return {
    rows: 0, lines: 0, output: new Uint8Array(0), written: 0, rejected: 0, problems: [], keptRecords: 0, leftOut: [], notes: [], dateConflict: null,
    warnings: [], stopped: false, fallbackLines: [], utf8NonAscii: false, encodingConflict: null, repeatedHeaders: [], emails: { hashed: 0, leftOut: 0 },
    spill: null, orders: { written: 0, refused: 0 },
  };
}

/**
 * Converts a run of whole CSV rows (no header, cut at a row boundary) with papaparse, builds and
 * checks each record. Line numbers are counted physically: a row whose quoted cell holds two line
 * breaks moves the count by three, so a reported line is where the record starts in an editor.
 */
export function processCsvChunk(text: string, config: ChunkConfig, check: (record: unknown) => RecordCheck, hashPlan: EmailHashPlan | null = null): ChunkResult {
  const result = emptyResult();
  // NDJSON is about 2.5x the CSV for customer records (keys repeat on every line).
  const out = new ByteSink(text.length * 3);
  const warnings = new Map<string, WarningGroup>();
  const notes = new Map<number, WarningGroup>();
  const hashed = new EmailHashTally();
  const build: BuildOptions = { infer: config.infer, decimalComma: config.decimalComma, exact: false, issues: [], notes: [] };
  const idColumns = identifierColumns(config.plan);
  const byColumn = new Map(config.plan.map((t) => [t.column, t]));
  forEachChunkRow(text, config, result, (cells, start, shape, stop) => {
    let problems: RecordProblem[] = shape ? [shape] : [];
    let record: Record<string, unknown> | null = null;
    let rowWarnings: readonly string[] = [];
    let changes: readonly HashChange[] = NO_CHANGES;
    if (!shape) {
      build.exact = false;
      if (build.issues.length > 0) build.issues = [];
      if (build.notes.length > 0) build.notes.length = 0;
      if (config.constants.length > 0) cells.push(...config.constants);
      record = buildRecord(cells, config.plan, build);
      const conflict = build.issues.length === 0 ? undefined : build.issues.find((i) => i.problem.conflict && byColumn.get(i.column)?.dateSource !== 'chosen');
      if (conflict) {
        const target = byColumn.get(conflict.column);
        result.dateConflict = { line: start, column: conflict.column, field: conflict.field, header: target?.header ?? '', value: conflict.problem.raw, order: target?.dateOrder ?? null };
        result.stopped = true;
        stop();
        return;
      }
      const exact = build.exact;
      changes = hashPlan ? hashEmails(record, hashPlan) : NO_CHANGES;
      const checked = check(exact ? approximated(record) : record);
      if (checked.ok && build.issues.length === 0) {
        rowWarnings = checked.warnings;
      } else {
        problems = withTypingIssues(checked.ok ? [] : checked.problems, build.issues);
        const kept = config.leaveOutInvalidFields ? leaveOutInvalidFields(record, problems, (r) => check(exact ? approximated(r) : r)) : null;
        if (kept) {
          const identifier = identifierOf(cells, idColumns);
          for (const p of problems) result.leftOut.push({ line: start, field: p.field, rule: p.rule, message: p.message, ...(identifier ? { identifier } : {}) });
          result.keptRecords++;
          record = kept.record;
          rowWarnings = kept.warnings;
          problems = [];
        }
      }
    }
    if (problems.length > 0 || !record) {
      result.rejected++;
      const identifier = identifierOf(cells, idColumns);
      for (const p of problems) result.problems.push({ line: start, field: p.field, rule: p.rule, message: p.message, ...(identifier ? { identifier } : {}) });
      if (config.stopOnFirstInvalid) {
        result.stopped = true;
        stop();
      }
      return;
    }
    groupWarnings(warnings, rowWarnings, start);
    if (build.notes.length > 0) groupNotes(notes, build.notes, config.plan, cells, record, start);
    if (changes.length > 0) hashed.add(changes, start);
    out.pushLine(build.exact ? stringifyExact(record) : JSON.stringify(record));
    result.written++;
  });
  result.output = out.bytes();
  result.warnings = [...warnings.values()];
  result.notes = [...notes.values(), ...hashed.notes()];
  result.emails = { hashed: hashed.hashed, leftOut: hashed.leftOut };
  return result;
}

/**
 * Walks a run of whole CSV rows (no header, cut at a row boundary) as every conversion of a chunk
 * reads them: papaparse in step mode (one row at a time, 2-3x faster here than building the
 * chunk's array, and less garbage), blank rows skipped, copies of the header noted in `result` and
 * skipped, the rest counted in `result.rows` and handed over with the line they start on and what
 * is wrong with their shape; `stop` ends the walk. Sets `result.lines`, counted physically: a row
 * whose quoted cell holds two line breaks moves the count by three.
 */
export function forEachChunkRow(
  text: string, config: ChunkConfig, result: ChunkResult,
  visit: (cells: string[], start: number, shape: RecordProblem | null, stop: () => void) => void,
): void {
  const body = text.endsWith(config.newline) ? text.slice(0, -config.newline.length) : text;
  if (body === '') {
    result.lines = text === '' ? 0 : 1;
    return;
  }
  const lines = new RowLines(body);
  Papa.parse<string[]>(body, {
    delimiter: config.delimiter,
    newline: config.newline,
    quoteChar: '"',
    step(row, parser) {
      const cells = row.data;
      // meta.cursor is where this row ends (after its newline).
      const start = lines.startOf(row.meta.cursor);
      // A blank line, or a row of empty cells (',,,' as spreadsheets write below the data): no record.
      if (isBlankRow(cells)) return;
      if (isHeaderCopy(cells, config.headers)) {
        result.repeatedHeaders.push(start);
        return;
      }
      result.rows++;
      const quoteError = row.errors.length === 0 ? undefined : row.errors.find((e) => e.type === 'Quotes');
      visit(cells, start, rowProblem(cells, config, quoteError?.message), () => parser.abort());
    },
  });
  // The last row has no newline after it (stripped above), so it was not counted.
  result.lines = lines.mayHoldBreaks && !result.stopped ? lines.line + 1 : lines.line;
}

const NO_CHANGES: readonly HashChange[] = [];

/**
 * The check's problems with each field a cell could not be typed for explained by the typing's
 * reason ("is not a day/month/year date (there is no month 25)" rather than "is not a date").
 */
export function withTypingIssues(problems: readonly RecordProblem[], issues: readonly TypingIssue[]): RecordProblem[] {
  if (issues.length === 0) return [...problems];
  const byField = new Map(issues.map((i) => [i.field, i]));
  const merged = problems.map((p) => {
    const issue = byField.get(p.field);
    if (!issue) return p;
    byField.delete(p.field);
    return { field: p.field, rule: issue.problem.rule, message: `${p.field}: ${issue.problem.message}` };
  });
  for (const issue of byField.values()) merged.push({ field: issue.field, rule: issue.problem.rule, message: `${issue.field}: ${issue.problem.message}` });
  return merged;
}

/**
 * Whether a row repeats the header row, as where two exports were joined with `cat` (the second
 * one's BOM then sits at the start of the row). Such a row is no customer named "first_name".
 */
export function isHeaderCopy(cells: readonly string[], headers: readonly string[]): boolean {
  if (cells.length !== headers.length || cells.length === 0) return false;
  for (let i = 0; i < cells.length; i++) {
    const cell = i === 0 && cells[0]?.charCodeAt(0) === 0xfeff ? cells[0].slice(1) : cells[i];
    if (cell !== headers[i]) return false;
  }
  return true;
}

/** Whether every cell is empty or only spaces and tabs; quick exit on the usual first cell with data. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell === '') continue;
    const first = cell.charCodeAt(0);
    if ((first !== 32 && first !== 9) || cell.trim() !== '') return false;
  }
  return true;
}

export function rowProblem(cells: readonly string[], config: ChunkConfig, quoteError: string | undefined): RecordProblem | null {
  if (quoteError !== undefined) {
    return { field: '(row)', rule: 'malformed quotes', message: `the row's quotes do not pair up (${quoteError}); a quoted value must end with " before the next delimiter` };
  }
  if (cells.length === config.headerCount) return null;
  const shown = config.delimiter === '\t' ? 'tab' : `'${config.delimiter}'`;
  return {
    field: '(row)',
    rule: 'wrong number of fields',
    message: `the row has ${cells.length} values but the header has ${config.headerCount} columns; ${
      cells.length > config.headerCount ? `a value probably contains an unquoted ${shown}: put quotes around it` : 'add the missing delimiters or values'
    }`,
  };
}
