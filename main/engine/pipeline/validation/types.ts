/** Shapes of a validation run (main/engine/pipeline/validate-ndjson.ts). */

export interface ValidationProgress { bytesRead: number; totalBytes: number; lines: number }

/**
 * One problem on one line. Show it as `line ${line}: ${message}`. A line with several failing
 * fields has one LineError per field, in field order.
 */
export interface LineError {
  line: number; message: string; field: string; rule: string;
  /** The row's link value (its customer), so a person can find it by more than its line. */
  identifier?: string;
}

/** How many rows have a problem with this field and rule (each row counted once per group). */
export interface ErrorGroup { field: string; rule: string; count: number }

/**
 * What the clean step (convert of an NDJSON file) would remove: Lexer's validator reads a
 * byte-order mark as part of the first line and a blank line as a record, and refuses both.
 */
export interface Framing {
  /** Lines starting with a UTF-8 byte-order mark (the first, or where files were joined). */
  byteOrderMarks: number;
  /** Empty or whitespace-only lines. */
  blankLines: number;
  /** Invalid rows that cleaning alone makes valid (blank lines, a BOM before a valid record). */
  cleanable: number;
}

export interface ValidationResult {
  /** Rows as Lexer counts them: every line, blank ones included. */
  total: number;
  valid: number;
  /** Rows with at least one problem. */
  invalid: number;
  /** The first `maxErrors` problems, in line order. */
  errors: LineError[];
  /** Every problem, counted (never capped). */
  errorCount: number;
  /** Rows counted by field and rule, most frequent first (never capped). */
  summary: ErrorGroup[];
  /** Values Lexer converts (pydantic), one sentence per kind with its first line and count. */
  warnings: string[];
  framing: Framing;
}

/** Warnings of one kind seen in a batch: the first one and how many lines had it. */
export interface WarningGroup { key: string; first: string; line: number; count: number }

/** What one batch of lines produced; its line numbers count from 1 at the batch's first line. */
export interface BatchResult {
  /** Rows checked (blank lines too: Lexer counts them). */
  records: number;
  invalid: number;
  /** Physical lines in the batch, for numbering the next batch. */
  lines: number;
  errors: LineError[];
  warnings: WarningGroup[];
  framing: Framing;
}

/** A slice of the file that ends at a line break (the last one may not). */
export interface LineBatch { bytes: Uint8Array }

/** One line longer than the limit, skipped unread; `overlong` is its length in bytes. */
export interface OverlongLine { overlong: number }
