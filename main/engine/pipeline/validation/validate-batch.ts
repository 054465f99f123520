/** Checks one batch of NDJSON lines: framing, JSON.parse, object or not, then the record type's check. */
import type { RecordCheck, RecordProblem } from '../../schemas/field-types.js';
import { recordIdentifier } from './record-identifier.js';
import type { BatchResult, Framing, LineError, WarningGroup } from './types.js';

const MAX_JSON_MESSAGE = 100;
const BOM = '\uFEFF';

function notAnObject(value: unknown): string | null {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? null : typeof value;
}

// Warnings group by field and conversion: 'products[3].price_paid: "1.5" is a string; Lexer
// reads it as the number 1.5' -> 'products[].price_paid|a string|the number'.
function warningKey(warning: string): string {
  const m = /^(.*?): .* is (.+?); Lexer reads it as (the \w+|\w+)/.exec(warning);
  const key = m ? `${m[1]}|${m[2]}|${m[3]}` : warning;
  return key.replace(/\[\d+\]/g, '[]');
}

/** Adds a record's warnings to `groups` by kind, keeping the first of each with its line. */
export function groupWarnings(groups: Map<string, WarningGroup>, warnings: readonly string[], line: number): void {
  for (const warning of warnings) {
    const key = warningKey(warning);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { key, first: warning, line, count: 1 });
  }
}

// ignoreBOM: a byte-order mark must reach the check (Lexer refuses the line), not vanish.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes a batch's bytes. Strict first (as fast, and almost always right); only a batch with
 * bytes that are not UTF-8 is decoded again leniently, so its lines can be named one by one.
 */
export function decodeBatch(bytes: Uint8Array): { text: string; notUtf8: boolean } {
  try {
    return { text: strict.decode(bytes), notUtf8: false };
  } catch {
    return { text: lenient.decode(bytes), notUtf8: true };
  }
}

/**
 * The lines of a text cut at LF, CRLF or a lone CR (Python's universal newlines, as the vendor's
 * validator reads files); a text ending in a break has no empty last line. CRLF lines keep their
 * CR, which JSON.parse and the blank test ignore: splitting on '\n' alone is much faster.
 */
export function splitLines(text: string): string[] {
  const lines = text.includes('\r') && /\r(?!\n)/.test(text) ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Spaces, tabs and a CR left from CRLF: what a "blank" line holds.
const isBlank = (raw: string): boolean => raw.length === 0 || (raw.charCodeAt(0) <= 32 && raw.trim() === '');

/** What one line is: its framing problems, its record problems, or the warnings of a valid record. */
export interface LineCheck {
  bom: boolean;
  blank: boolean;
  problems: RecordProblem[];
  warnings: string[];
  /** The record's link value, when it has problems and a link (recordIdentifier). */
  identifier?: string;
}

/**
 * Checks one line as Lexer's validator reads it (examples/file_upload_api/upload.py
 * validate_file: each line goes to `parse_raw`, i.e. json.loads, which refuses a BOM and a blank
 * line). A BOM is reported and the record after it checked too, so the user learns everything.
 */
export function checkLine(check: (record: unknown) => RecordCheck, line: string, notUtf8: boolean): LineCheck {
  const bom = line.startsWith(BOM);
  const raw = bom ? line.slice(1) : line;
  const result: LineCheck = { bom, blank: isBlank(raw), problems: [], warnings: [] };
  if (bom) {
    result.problems.push({ field: '', rule: 'byte-order mark', message: 'starts with a byte-order mark (BOM, U+FEFF), which Lexer reads as part of the line and refuses' });
  }
  if (result.blank) {
    result.problems.push({ field: '', rule: 'blank line', message: 'is blank; Lexer counts a blank line as a record and refuses it' });
    return result;
  }
  if (notUtf8 && raw.includes('\uFFFD')) {
    result.problems.push({ field: '', rule: 'not UTF-8', message: 'has bytes that are not UTF-8 (they would arrive as "\uFFFD"); save the file as UTF-8' });
    return result;
  }
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).slice(0, MAX_JSON_MESSAGE);
    result.problems.push({ field: '', rule: 'not valid JSON', message: `is not valid JSON (${why})` });
    return result;
  }
  const kind = notAnObject(record);
  if (kind !== null) {
    result.problems.push({ field: '', rule: 'not an object', message: `is a JSON ${kind}, not an object` });
    return result;
  }
  const checked = check(record);
  if (!checked.ok) {
    result.problems.push(...checked.problems);
    const identifier = recordIdentifier(record);
    if (identifier !== undefined) result.identifier = identifier;
    return result;
  }
  result.warnings = checked.warnings;
  return result;
}

/** An empty framing count. */
export const noFraming = (): Framing => ({ byteOrderMarks: 0, blankLines: 0, cleanable: 0 });

/** Validates the bytes of whole lines; line numbers in the result count from 1 at the first line. */
export function validateBatchBytes(check: (record: unknown) => RecordCheck, bytes: Uint8Array): BatchResult {
  const { text, notUtf8 } = decodeBatch(bytes);
  return validateBatch(check, text, notUtf8);
}

/**
 * Validates the text of whole lines. With `notUtf8`, a line holding U+FFFD (where a byte that is
 * not UTF-8 was) is refused: NDJSON must be UTF-8, and Lexer would otherwise get mangled text.
 */
export function validateBatch(check: (record: unknown) => RecordCheck, text: string, notUtf8 = false): BatchResult {
  const lines = splitLines(text);
  const errors: LineError[] = [];
  const warnings = new Map<string, WarningGroup>();
  const framing = noFraming();
  let invalid = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] as string;
    const line = i + 1;
    // The common case without allocating anything: a line holding a valid object that needs no warning.
    if (raw.charCodeAt(0) === 0x7b && !notUtf8) {
      let record: unknown;
      try {
        record = JSON.parse(raw);
      } catch {
        record = undefined;
      }
      if (record !== null && typeof record === 'object' && !Array.isArray(record)) {
        const checked = check(record);
        if (checked.ok && checked.warnings.length === 0) continue;
      }
    }
    const result = checkLine(check, raw, notUtf8);
    if (result.bom) framing.byteOrderMarks += 1;
    if (result.blank) framing.blankLines += 1;
    if (result.problems.length > 0) {
      invalid += 1;
      if (result.problems.every((p) => p.rule === 'byte-order mark' || p.rule === 'blank line')) framing.cleanable += 1;
      const id = result.identifier === undefined ? {} : { identifier: result.identifier };
      for (const p of result.problems) errors.push({ line, field: p.field, rule: p.rule, message: p.message, ...id });
      continue;
    }
    groupWarnings(warnings, result.warnings, line);
  }
  return { records: lines.length, invalid, lines: lines.length, errors, warnings: [...warnings.values()], framing };
}

/** A byte count as "16 MiB" or "98 KiB". */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** The result for a line too long to read (line-batcher.ts MAX_LINE_BYTES). */
export function overlongResult(bytes: number, limit: number): BatchResult {
  const message = `is longer than ${sizeText(limit)} (${bytes.toLocaleString('en-US')} bytes), far more than any record; it was skipped unread. Is this really NDJSON, one record per line?`;
  return { records: 1, invalid: 1, lines: 1, errors: [{ line: 1, field: '', rule: 'line too long', message }], warnings: [], framing: noFraming() };
}
