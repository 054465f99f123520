/** Column mappings, conversion and validation jobs: what the window asks and what it is told. */
import type { FieldKind } from '../engine/schemas/field-types.js';
import type { RecordTypeName } from '../engine/schemas/record-type-names.js';
import type { TextEncoding } from '../engine/pipeline/csv/text-encodings.js';

export type { RecordTypeName, TextEncoding };
export { TEXT_ENCODINGS, encodingLabel } from '../engine/pipeline/csv/text-encodings.js';

/** A field of a record type a column can fill (array items and the open custom_fields aside). */
export interface FieldOption {
  /** Dotted path, e.g. `link.email`. */
  readonly path: string;
  readonly required: boolean;
  readonly description: string | null;
  /** What the field holds: `date` and `date-time` columns get a choice of day/month order. */
  readonly kind: FieldKind;
  /** The values an enum field takes (`type`: physical, ecommerce), offered as a choice. */
  readonly enumValues?: readonly string[];
}

/** A column mapping saved under a name for a record type, kept in the app's settings (main). */
export interface MappingPreset {
  readonly name: string;
  readonly recordType: RecordTypeName;
  readonly mapping: ColumnMapping;
}

/** How a column writes its dates: day/month/year (25/03/1985), month/day/year (03/25/1985), year/month/day. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Header name to schema field path (`link.email`), or `null` to drop the column. */
export interface ColumnMapping {
  readonly columns: Readonly<Record<string, string | null>>;
  /** What to do with columns mapped to nothing known: keep them under `custom_fields`, or drop. */
  readonly unknownColumns: 'custom_fields' | 'drop';
  /** Infer numbers and booleans under `custom_fields` (strings otherwise). */
  readonly inferCustomTypes: boolean;
  /** Date columns whose order the person chose, by header; the others are detected from the file's first rows. */
  readonly dateOrders?: Readonly<Record<string, DateOrder>>;
  /** "One record per": rows with the same value in this column make one purchase or return, each row one of its products. */
  readonly groupBy?: string;
  /** "Same value for every record": field path to the value (`type`: `physical`). */
  readonly constants?: Readonly<Record<string, string>>;
}

/** One problem on one line (a line with several failing fields has one per field). */
export interface LineError {
  readonly line: number;
  readonly message: string;
  /** The row's link value (its customer), when it has one, so a person can find the row by more than its line. */
  readonly identifier?: string;
}

/** What cleaning an NDJSON file removes: Lexer's validator refuses byte-order marks and blank lines. */
export interface Framing {
  readonly byteOrderMarks: number;
  readonly blankLines: number;
  /** Invalid rows that cleaning alone makes valid. */
  readonly cleanable: number;
}

export interface ErrorGroup {
  /** e.g. `link.email`. */
  readonly field: string;
  /** e.g. `not an email address`. */
  readonly rule: string;
  readonly count: number;
}

export interface ValidationReport {
  readonly total: number;
  readonly valid: number;
  /** Rows with at least one problem. */
  readonly invalid: number;
  /** The first problems, capped; the counts are never capped. */
  readonly errors: readonly LineError[];
  /** Every problem, counted. */
  readonly errorCount: number;
  readonly summary: readonly ErrorGroup[];
  readonly warnings: readonly string[];
  readonly framing: Framing;
  /** A job id whose full error list `jobs.exportErrors` returns. */
  readonly jobId: string;
}

export interface ConversionReport {
  readonly rows: number;
  readonly written: number;
  readonly rejected: number;
  readonly errors: readonly LineError[];
  readonly errorCount: number;
  readonly summary: readonly ErrorGroup[];
  /** Values Lexer converts, and notes on the file (lines read as Windows-1252 or Mac Roman, a sep= line, unfilled required fields). */
  readonly warnings: readonly string[];
  /** How the input was read: 'UTF-8', 'Windows-1252', 'UTF-8 and Mac Roman', 'UTF-16LE (no byte-order mark)', 'Mac Roman (as chosen)'... */
  readonly encoding: string;
  /** For an NDJSON file: what cleaning removed. */
  readonly cleaned: { readonly byteOrderMarks: number; readonly blankLines: number };
  /** Path of the NDJSON file written. */
  readonly output: string;
  readonly jobId: string;
  /**
   * With `leaveOutInvalidFields`: records kept without some invalid optional fields, how many
   * fields were left out, counted by field and rule, and the first ones (all are in the export).
   */
  readonly leftOut: { readonly records: number; readonly fields: number; readonly summary: readonly ErrorGroup[]; readonly first: readonly LineError[] };
  /** Rows grouped into orders: orders written (`written`) and refused; `rows` and `rejected` then count lines. Null otherwise. */
  readonly orders: { readonly written: number; readonly refused: number } | null;
  /** E-mail addresses sent only hashed (Settings): how many were hashed, and left out (no hashed form). Null when not asked. */
  readonly emails: { readonly hashed: number; readonly leftOut: number } | null;
}

export interface ConvertRequest {
  readonly path: string;
  readonly recordType: RecordTypeName;
  readonly mapping: ColumnMapping;
  readonly gzip: boolean;
  readonly stopOnFirstInvalid: boolean;
  /** Keep a record whose only invalid fields are optional ones, without those fields (never the link). */
  readonly leaveOutInvalidFields?: boolean;
  /** A CSV's encoding as the person chose it on the card; absent: detected from the file. */
  readonly encoding?: TextEncoding;
}

export interface JobProgress {
  readonly jobId: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly lines: number;
}
