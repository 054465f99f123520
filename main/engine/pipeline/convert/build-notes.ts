/**
 * What conversion changed that the person should know about: a phone number's
 * leading apostrophe removed, yes/no written as true/false, a tag list written as a list, a date
 * rewritten as ISO (from day/month/year, an Excel serial day, a zone after a space), an id Excel
 * rounded into scientific notation left out. A row's notes are numbers (which column, which kind), so a yes/no column of a
 * million rows allocates nothing per row; the sentence is made once per kind and column, from the
 * first written row that has it.
 */
import { cleanHeader } from '../csv/header-names.js';
import type { WarningGroup } from '../validation/types.js';
import type { ColumnTarget } from './column-plan.js';
import { dateOrderWords } from './date-order.js';
import { EXPORT_AS_TEXT, ROUNDED } from './excel-numbers.js';

export const NOTE = { apostrophe: 0, boolean: 1, list: 2, date: 3, serial: 4, zone: 5, rounded: 6 } as const;
export type NoteKind = keyof typeof NOTE;
const KINDS = Object.keys(NOTE) as NoteKind[];

/** A note's number: the plan entry it is about and its kind. */
export const noteId = (planIndex: number, kind: NoteKind): number => planIndex * KINDS.length + NOTE[kind];

/** A target's dotted field path ('link.email'). */
export function pathOf(target: ColumnTarget): string {
  return target.parents.length === 0 ? target.key : `${target.parents.join('.')}.${target.key}`;
}

/** The sentence for a note: the field, its column, what was in the cell and what was written. */
export function noteText(kind: NoteKind, target: ColumnTarget, raw: string, value: unknown): string {
  const path = pathOf(target);
  const where = cleanHeader(target.header) === path ? path : `${path} (column "${target.header}")`;
  switch (kind) {
    case 'apostrophe':
      return `${where}: "${raw}" began with an apostrophe, a spreadsheet's mark for "keep as text"; it was removed ("${String(value)}")`;
    case 'boolean':
      return `${where}: yes/no words were written as Lexer's true/false, "${raw.trim()}" as ${String(value)}`;
    case 'list':
      return `${where}: "${raw}" was written as a list, ${JSON.stringify(value)}`;
    case 'date': {
      const how = target.dateSource === 'chosen' ? 'as asked' : 'as the column\'s first rows show';
      const order = target.dateOrder ? `read as ${dateOrderWords(target.dateOrder)} (${how}) and ` : '';
      return `${where}: dates ${order}written as ISO dates, "${raw.trim()}" as ${String(value)}`;
    }
    case 'serial':
      return `${where}: numbers like "${raw.trim()}" are dates as Excel stores them (days since 30 December 1899, Excel's 1900 date system) and were written as ISO dates, "${raw.trim()}" as ${String(value)}; `
        + 'Lexer would have read them as seconds since 1970. If the file came from Excel for Mac with the 1904 date system, they are 4 years and a day early: export the column formatted as a date instead';
    case 'zone':
      return `${where}: date-times with their time zone after a space were written as ISO 8601, "${raw.trim()}" as ${String(value)}`;
    case 'rounded':
      return `${where}: values like "${raw.trim()}" were left out: Excel rounded them ${ROUNDED}. To keep them, ${EXPORT_AS_TEXT}`;
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

/** The value a target wrote into a record. */
function written(record: Record<string, unknown>, target: ColumnTarget): unknown {
  let node: unknown = record;
  for (const segment of target.parents) node = (node as Record<string, unknown> | undefined)?.[segment];
  return (node as Record<string, unknown> | undefined)?.[target.key];
}

/** Counts a written row's notes by kind and column, with the sentence and line of the first. */
export function groupNotes(
  groups: Map<number, WarningGroup>, ids: readonly number[], plan: readonly ColumnTarget[], cells: readonly string[], record: Record<string, unknown>, line: number,
): void {
  for (const id of ids) {
    const group = groups.get(id);
    if (group) {
      group.count += 1;
      continue;
    }
    const target = plan[Math.floor(id / KINDS.length)];
    const kind = KINDS[id % KINDS.length];
    if (!target || !kind) continue;
    const text = noteText(kind, target, cells[target.column] ?? '', written(record, target));
    groups.set(id, { key: `note|${kind}|${target.column}`, first: text, line, count: 1 });
  }
}
