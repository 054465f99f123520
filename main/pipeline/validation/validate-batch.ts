/** Checks one batch of NDJSON lines: JSON.parse, object or not, then the record type's check. */
import type { RecordCheck } from '../../schemas/record-types.js';
import type { BatchResult, LineError, WarningGroup } from './types.js';

const MAX_JSON_MESSAGE = 100;

function notAnObject(value: unknown): string | null {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? null : typeof value;
}

// Warnings group by field and conversion: 'products[3].price_paid: "1.5" is a string; Lexer
// reads it as the number 1.5' -> 'products[].price_paid|a string|the number'.
function warningKey(warning: string): string {
  const m = /^(.*?): .* is (an? \w+|not a whole number); Lexer reads it as (the \w+|\w+)/.exec(warning);
  const key = m ? `${m[1]}|${m[2]}|${m[3]}` : warning;
  return key.replace(/\[\d+\]/g, '[]');
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

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
  const lines = text.split('\n');
  // A batch ends with '\n' except the file's last one: the empty tail is not a line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const errors: LineError[] = [];
  const warnings = new Map<string, WarningGroup>();
  let records = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] as string;
    // Blank lines (spaces, a lone CR) are skipped and not counted; JSON.parse ignores a trailing CR.
    if (raw.length === 0 || (raw.charCodeAt(0) <= 32 && raw.trim() === '')) continue;
    records += 1;
    const line = i + 1;
    if (notUtf8 && raw.includes('\uFFFD')) {
      errors.push({ line, field: '', rule: 'not UTF-8', message: 'has bytes that are not UTF-8 (they would arrive as "\uFFFD"); save the file as UTF-8' });
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      const why = (error instanceof Error ? error.message : String(error)).slice(0, MAX_JSON_MESSAGE);
      errors.push({ line, field: '', rule: 'not valid JSON', message: `is not valid JSON (${why})` });
      continue;
    }
    const kind = notAnObject(record);
    if (kind !== null) {
      errors.push({ line, field: '', rule: 'not an object', message: `is a JSON ${kind}, not an object` });
      continue;
    }
    const result = check(record);
    if (!result.ok) {
      errors.push({ line, field: result.field, rule: result.rule, message: result.message });
    } else if (result.warnings.length > 0) {
      for (const warning of result.warnings) {
        const key = warningKey(warning);
        const group = warnings.get(key);
        if (group) group.count += 1;
        else warnings.set(key, { key, first: warning, line, count: 1 });
      }
    }
  }
  return { records, invalid: errors.length, lines: lines.length, errors, warnings: [...warnings.values()] };
}
