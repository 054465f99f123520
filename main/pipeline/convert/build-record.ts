import type { ColumnTarget } from './column-plan.js';
import { cleanHeader } from '../csv/header-names.js';
import { dateOrderWords } from './date-order.js';
import { ExactNumber } from './exact-number.js';
import { TypingProblem, typeValue } from './type-value.js';

type Json = Record<string, unknown>;

/** A cell its field could not take, with the reason (a date not in the column's order). */
export interface TypingIssue {
  /** The field's dotted path, as the record check names it. */
  field: string;
  column: number;
  problem: TypingProblem;
}

/**
 * Something conversion changed that the person should know about (issue 9, item 21): a phone
 * number's leading apostrophe removed, yes/no written as true/false, a tag list written as a
 * list. Kept as data; the words are made once per kind and column (noteText), not per row.
 */
export interface BuildNote { kind: 'apostrophe' | 'boolean' | 'list' | 'date'; target: ColumnTarget; raw: string; value: unknown }

/** The sentence for a note. */
export function noteText(note: BuildNote): string {
  const path = pathOf(note.target);
  const where = cleanHeader(note.target.header) === path ? path : `${path} (column "${note.target.header}")`;
  switch (note.kind) {
    case 'apostrophe':
      return `${where}: "${note.raw}" began with an apostrophe, a spreadsheet's mark for "keep as text"; it was removed ("${String(note.value)}")`;
    case 'boolean':
      return `${where}: yes/no words such as "${note.raw.trim()}" were written as Lexer's true/false (this one as ${String(note.value)})`;
    case 'list':
      return `${where}: "${note.raw}" was written as a list, ${JSON.stringify(note.value)}`;
    case 'date': {
      const how = note.target.dateSource === 'chosen' ? 'as asked' : 'as the column\'s first rows show';
      const order = note.target.dateOrder ? `read as ${dateOrderWords(note.target.dateOrder)} (${how}) and ` : '';
      return `${where}: dates ${order}written as ISO dates, "${note.raw.trim()}" as ${String(note.value)}`;
    }
    default: {
      const _exhaustive: never = note.kind;
      return _exhaustive;
    }
  }
}

/** How cells are typed; `exact` is set (never reset) when a record holds an integer past 2^53. */
export interface BuildOptions {
  infer: boolean;
  decimalComma: boolean;
  exact: boolean;
  /** Cells that could not be typed, this row (the caller empties it before each row). */
  issues: TypingIssue[];
  /** Notes for this row (the caller empties it before each row). */
  notes: BuildNote[];
}

// A leading apostrophe before a phone number: Excel's "keep this as text" mark, saved into the CSV.
const APOSTROPHE_PHONE = /^'[+(\d]/;

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
  for (const target of plan) {
    let raw = cells[target.column];
    if (raw === undefined || raw === '' || isBlank(raw)) continue;
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
    if (target.phone && raw.charCodeAt(0) === 39 && APOSTROPHE_PHONE.test(raw)) {
      o.notes.push({ kind: 'apostrophe', target, raw, value: raw.slice(1) });
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
      if (!isTrueFalse(raw)) o.notes.push({ kind: 'boolean', target, raw, value });
    } else if (target.kind === 'array' && Array.isArray(value) && value.length > 1 && !raw.trimStart().startsWith('[')) {
      o.notes.push({ kind: 'list', target, raw, value });
    } else if ((target.kind === 'date' || target.kind === 'date-time') && typeof value === 'string' && isRewrittenDate(raw, value)) {
      o.notes.push({ kind: 'date', target, raw, value });
    }
    parent[target.key] = value;
  }
  return record;
}

/** Whether a date was rewritten from another shape (25/03/1985), not merely trimmed or given its ISO 'T'. */
function isRewrittenDate(raw: string, value: string): boolean {
  // ISO text has a '-' after the year: those are at most trimmed ('1985-03-04 ') or joined with a 'T'.
  return value !== raw && raw.trim().charCodeAt(4) !== 45 && value !== raw.trim();
}

/** Whether a boolean cell says true or false in words Lexer's own examples use (no note needed). */
function isTrueFalse(raw: string): boolean {
  const text = raw.trim().toLowerCase();
  return text === 'true' || text === 'false';
}

/** A target's dotted field path ('link.email'). */
export function pathOf(target: ColumnTarget): string {
  return target.parents.length === 0 ? target.key : `${target.parents.join('.')}.${target.key}`;
}

/** Whether a cell holds only spaces or tabs (counts as empty); quick exit on the usual non-blank cell. */
function isBlank(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first !== 32 && first !== 9) return false;
  return raw.trim() === '';
}
