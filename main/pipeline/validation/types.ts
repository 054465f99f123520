/** Shapes of a validation run (ENGINE-API.md, main/pipeline/validate-ndjson.ts). */

export interface ValidationProgress { bytesRead: number; totalBytes: number; lines: number }

/** One invalid line. Show it as `line ${line}: ${message}`. */
export interface LineError { line: number; message: string; field: string; rule: string }

export interface ErrorGroup { field: string; rule: string; count: number }

export interface ValidationResult {
  total: number;
  valid: number;
  invalid: number;
  /** The first `maxErrors` errors, in line order. */
  errors: LineError[];
  /** Every error counted by field and rule, most frequent first (never capped). */
  summary: ErrorGroup[];
  /** Values Lexer converts (pydantic), one sentence per kind with its first line and count. */
  warnings: string[];
}

/** Warnings of one kind seen in a batch: the first one and how many lines had it. */
export interface WarningGroup { key: string; first: string; line: number; count: number }

/** What one batch of lines produced; its line numbers count from 1 at the batch's first line. */
export interface BatchResult {
  /** Non-blank lines checked. */
  records: number;
  invalid: number;
  /** Physical lines in the batch (blank ones too), for progress. */
  lines: number;
  errors: LineError[];
  warnings: WarningGroup[];
}

/** A slice of the file that ends at a line break (the last one may not). */
export interface LineBatch { bytes: Uint8Array }
