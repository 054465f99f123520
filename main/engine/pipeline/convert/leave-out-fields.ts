/**
 * "Keep the record and leave out fields that are invalid": one bad optional
 * field (a date of birth nobody can read, a malformed second e-mail) should not cost Lexer the
 * whole customer. Only optional fields are left out, never the `link` (it is who the record is
 * about), never a required field; a list is left out whole (its items are not fields).
 */
import type { RecordCheck, RecordProblem } from '../../schemas/field-types.js';

type Json = Record<string, unknown>;

/** A record kept without its invalid fields: the record, the warnings of its check. */
export interface KeptRecord { record: Json; warnings: string[] }

/** Rounds of leaving out: a field, then its parent object when that needed it, and so on. */
const MAX_ROUNDS = 4;

/**
 * The field a problem's field names as a unit that can be left out: `date_of_birth`,
 * `from.email`, `images` for `images[]`; null for the link, the whole row, or the record.
 */
function unitOf(field: string): string | null {
  if (field === '' || field.startsWith('(')) return null;
  const bracket = field.indexOf('[');
  const unit = bracket === -1 ? field : field.slice(0, bracket);
  if (unit === '' || unit === 'link' || unit.startsWith('link.')) return null;
  return unit;
}

/** A copy of `record` without the field at `path` (objects along the path copied, the rest shared). */
function without(record: Json, path: readonly string[]): Json {
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(record, head)) return record;
  const copy: Json = { ...record };
  if (rest.length === 0) {
    delete copy[head];
    return copy;
  }
  const child = record[head];
  if (child === null || typeof child !== 'object' || Array.isArray(child)) return record;
  copy[head] = without(child as Json, rest);
  return copy;
}

/**
 * Leaves out the optional fields the problems name and checks the record again; a field the
 * record then needs (an object's required key) takes its optional parent with it. Returns the
 * kept record, or null when a problem is in the link, in a required field, or in the row itself:
 * then the whole record is left out, as without this option.
 */
export function leaveOutInvalidFields(record: Json, problems: readonly RecordProblem[], check: (record: unknown) => RecordCheck): KeptRecord | null {
  const removed = new Set<string>();
  let current = record;
  let pending: readonly RecordProblem[] = problems;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const problem of pending) {
      let unit = unitOf(problem.field);
      // A field already left out is now missing from an object that requires it: leave out the object.
      while (unit !== null && removed.has(unit)) {
        const dot = unit.lastIndexOf('.');
        unit = dot === -1 ? null : unit.slice(0, dot);
      }
      if (unit === null) return null;
      removed.add(unit);
      current = without(current, unit.split('.'));
    }
    const checked = check(current);
    if (checked.ok) return { record: current, warnings: checked.warnings };
    pending = checked.problems;
  }
  return null;
}
