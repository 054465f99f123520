import { noteId, pathOf } from './build-notes.js';
import type { ColumnTarget } from './column-plan.js';
import { ExactNumber } from './exact-number.js';
import { TypingProblem, typeValue } from './type-value.js';
import { EXPORT_AS_TEXT, isScientific, ROUNDED } from './excel-numbers.js';

type Json = Record<string, unknown>;

/** A cell its field could not take, with the reason (a date not in the column's order). */
export interface TypingIssue {
  /** The field's dotted path, as the record check names it. */
  field: string;
  column: number;
  problem: TypingProblem;
}

/** How cells are typed; `exact` is set (never reset) when a record holds an integer past 2^53. */
export interface BuildOptions {
  infer: boolean;
  decimalComma: boolean;
  exact: boolean;
  /** Cells that could not be typed, this row (the caller empties it before each row). */
  issues: TypingIssue[];
  /** Notes for this row, as build-notes.ts numbers them (the caller empties it before each row). */
  notes: number[];
}

// A leading apostrophe before a phone number, an ID or a number: Excel's "keep this as text" mark, saved into the CSV.
const APOSTROPHE_MARK = /^'[-+.(\d]/;

/**
 * Builds one record from a row of cells: empty cells are left out (never "" or null), dotted
 * targets nest whatever the column order, so link.customer_id in column 1 and link.system_name in
 * column 9 land in one `link` object (the vendor's converter loses one of them). Sets `o.exact`
 * when the record holds an {@link ExactNumber}, so the rare such row alone pays for it. A cell
 * its field cannot take keeps its text in the record (the check then fails on that field) and is
 * added to `o.issues` with the reason.
 */
export function buildRecord(cells: readonly string[], plan: readonly ColumnTarget[], o: BuildOptions): Json {
  const record: Json = {};
  for (let index = 0; index < plan.length; index++) {
    const target = plan[index] as ColumnTarget;
    let raw = cells[target.column];
    if (raw === undefined || raw === '' || isBlank(raw)) continue;
    // An id or phone number Excel rounded: its digits are lost. A link made of it would merge
    // every such customer into one profile, so that row is refused; elsewhere the value is left out.
    const rounded = target.identifier === true && isScientific(raw);
    if (rounded && target.parents[0] !== 'link') {
      o.notes.push(noteId(index, 'rounded'));
      continue;
    }
    let parent = record;
    for (const segment of target.parents) {
      const next = parent[segment];
      if (next === undefined) {
        const created: Json = {};
        parent[segment] = created;
        parent = created;
      } else {
        parent = next as Json;
      }
    }
    if (rounded) {
      const message = `"${raw.trim()}" is not the whole number: Excel rounded it ${ROUNDED}, and a link made of it would join every such customer into one profile; ${EXPORT_AS_TEXT}`;
      o.issues.push({ field: pathOf(target), column: target.column, problem: new TypingProblem(raw, 'rounded by Excel', message, false) });
      parent[target.key] = raw;
      continue;
    }
    if (target.apostrophe && raw.charCodeAt(0) === 39 && APOSTROPHE_MARK.test(raw)) {
      o.notes.push(noteId(index, 'apostrophe'));
      raw = raw.slice(1);
    }
    if (target.kind === 'string') {
      parent[target.key] = raw;
      continue;
    }
    const value = typeValue(raw, target.kind, { enumValues: target.enumValues, itemKind: target.itemKind, decimalComma: o.decimalComma, dateOrder: target.dateOrder }, o.infer);
    if (value instanceof TypingProblem) {
      o.issues.push({ field: pathOf(target), column: target.column, problem: value });
      parent[target.key] = raw;
      continue;
    }
    if (value instanceof ExactNumber || (Array.isArray(value) && value.some((item) => item instanceof ExactNumber))) o.exact = true;
    if (target.kind === 'boolean' && typeof value === 'boolean') {
      if (!isTrueFalse(raw)) o.notes.push(noteId(index, 'boolean'));
    } else if (target.kind === 'array' && Array.isArray(value) && value.length > 1 && !raw.trimStart().startsWith('[')) {
      o.notes.push(noteId(index, 'list'));
    } else if ((target.kind === 'date' || target.kind === 'date-time') && typeof value === 'string' && value !== raw) {
      const kind = dateNote(raw.trim(), value);
      if (kind) o.notes.push(noteId(index, kind));
    }
    parent[target.key] = value;
  }
  return record;
}

/**
 * The note a rewritten date needs: from an Excel serial day, from a zone written after a space,
 * from another shape (25/03/1985); none when it was merely trimmed or given its ISO 'T'.
 */
function dateNote(text: string, value: string): 'serial' | 'zone' | 'date' | null {
  if (value === text) return null;
  const first = text.charCodeAt(0);
  // Digits only (a dot for the fraction of a day): an Excel serial.
  if (first >= 48 && first <= 57 && text.length <= 16 && /^\d{5}(?:\.\d+)?$/.test(text)) return 'serial';
  // ISO text has a '-' after the year: at most joined with a 'T', or its zone moved up.
  if (text.charCodeAt(4) === 45) return value === text.replace(' ', 'T') || value.length <= 10 ? null : 'zone';
  return 'date';
}

/** Whether a boolean cell says true or false (no note needed); yes/no and the like are noted. */
function isTrueFalse(raw: string): boolean {
  // Most cells are short words: only a 4- or 5-letter cell can be true or false, so no string is made for the others.
  const text = raw.length === 4 || raw.length === 5 ? raw : raw.trim();
  if (text.length !== 4 && text.length !== 5) return false;
  const lower = text.toLowerCase();
  return lower === 'true' || lower === 'false';
}

/** Whether a cell holds only spaces or tabs (counts as empty); quick exit on the usual non-blank cell. */
function isBlank(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first !== 32 && first !== 9) return false;
  return raw.trim() === '';
}
