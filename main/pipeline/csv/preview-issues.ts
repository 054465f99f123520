import type { PreviewIssue } from '../csv-preview.js';
import { suggestColumns } from '../column-mapping.js';
import { customFieldKey } from '../convert/custom-key.js';
import { unfilledNote } from '../convert/column-plan.js';
import type { FieldLookup } from '../convert/field-lookup.js';
import { cleanHeader, columnName } from './header-names.js';
import { findInvisibleCharacters, showInvisible } from './invisible-characters.js';

/** Most cell messages shown before summing up the rest: a person fixes the pattern, not 5,000 cells. */
const MAX_CELL_MESSAGES = 10;

/** A row of the head with the physical line it starts on. */
export interface NumberedRow { line: number; cells: string[] }

/** What the preview found: problems to fix, and notes that only say what will happen. */
export interface Findings { problems: PreviewIssue[]; notes: PreviewIssue[] }

/**
 * Empty, duplicate and invisible-character headers. Invisible characters at a header's ends (or
 * zero-width ones anywhere) are not part of its name for matching (header-names.ts): that is a
 * note saying how the header is read; one inside the name is a problem to retype.
 */
export function headerIssues(headers: readonly string[], out: Findings): void {
  const seen = new Map<string, number>();
  headers.forEach((header, index) => {
    const column = columnName(index);
    const name = cleanHeader(header);
    if (name === '') {
      out.problems.push({ kind: 'empty-header', message: `The header of ${column} is empty. Give it a name; otherwise its values are kept as custom_fields.column_${index + 1}.` });
    }
    const found = findInvisibleCharacters(header);
    if (found.length > 0) {
      const read = findInvisibleCharacters(name).length === 0;
      const what = found.join(' and ');
      if (read && name !== '') {
        out.notes.push({ kind: 'invisible-character', message: `Header "${showInvisible(header)}" (${column}) contains ${what}; it is ignored, and the column is read as "${name}".` });
      } else {
        out.problems.push({ kind: 'invisible-character', message: `Header "${showInvisible(header)}" (${column}) contains ${what} inside the name. Retype the header with plain characters so it reads as you expect.` });
      }
    }
    const first = seen.get(name);
    if (first !== undefined && name !== '') {
      out.problems.push({
        kind: 'duplicate-header',
        message: `${columnName(first).replace(/^c/, 'C')} and ${column} are both named "${name}". Rename one of them: each column needs its own name.`,
      });
    } else if (first === undefined) {
      seen.set(name, index);
    }
  });
}

/** Invisible characters in cells and rows whose field count differs from the header's. */
export function rowIssues(headers: readonly string[], rows: readonly NumberedRow[], delimiter: string, out: Findings): void {
  let hidden = 0;
  let ragged = 0;
  for (const { line, cells } of rows) {
    if (cells.length !== headers.length && ++ragged <= MAX_CELL_MESSAGES) {
      const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
      out.problems.push({
        kind: 'ragged-row',
        message: `Line ${line} has ${cells.length} fields but the header has ${headers.length}. ${
          cells.length > headers.length ? `A value probably contains an unquoted ${shown}: put quotes around it.` : 'Add the missing values or delimiters.'
        }`,
      });
    }
    cells.forEach((cell, index) => {
      for (const what of findInvisibleCharacters(cell)) {
        if (++hidden > MAX_CELL_MESSAGES) continue;
        const header = headers[index] ?? `column ${index + 1}`;
        out.problems.push({ kind: 'invisible-character', message: `Line ${line}, column "${header}" contains ${what}: "${showInvisible(cell)}". Remove it unless it is meant to be there.` });
      }
    });
  }
  if (ragged > MAX_CELL_MESSAGES) {
    out.problems.push({ kind: 'ragged-row', message: `${ragged - MAX_CELL_MESSAGES} more rows in the first part of the file have the wrong number of fields.` });
  }
  if (hidden > MAX_CELL_MESSAGES) {
    out.problems.push({ kind: 'invisible-character', message: `${hidden - MAX_CELL_MESSAGES} more invisible characters in cells of the first rows were not listed.` });
  }
}

// 29,95 or 1.234,50 (same as the converter's --decimal-comma reading).
const DECIMAL_COMMA = /^\s*[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+\s*$/;

/**
 * What happens to each header for a record type, as the converter will do it (the same
 * suggestions, the same header reading): a suggested field or a custom field is a note; a column
 * that will be left out, a required field no column fills and a column of decimal-comma numbers
 * are problems.
 */
export function recordTypeIssues(headers: readonly string[], rows: readonly NumberedRow[], lookup: FieldLookup, recordType: string, out: Findings): void {
  const suggested = suggestColumns(headers, lookup);
  const taken = new Set<string>();
  const keepsCustom = lookup.match('custom_fields.x').kind === 'open';
  const targets = new Set<string>();
  headers.forEach((header, index) => {
    const name = cleanHeader(header);
    if (name === '') return;
    const own = lookup.match(name).kind !== 'unknown';
    const target = suggested[header] ?? (own ? name : null);
    if (target) {
      targets.add(target.split('.')[0] as string);
      const field = lookup.match(target);
      const cells = rows.map((r) => r.cells[index] ?? '').filter((c) => c.trim() !== '');
      if (field.kind === 'field' && (field.field.kind === 'number' || field.field.kind === 'integer') && cells.length > 0 && cells.every((c) => DECIMAL_COMMA.test(c))) {
        out.problems.push({
          kind: 'decimal-comma',
          message: `Column "${name}" (${columnName(index)}) writes numbers with a decimal comma (e.g. "${cells[0]?.trim()}"), which Lexer does not read as numbers. Convert with --decimal-comma to read them as ${cells[0]?.trim().replace(/\./g, '').replace(',', '.')}, or save the file with decimal points.`,
        });
      }
    }
    if (own) return;
    if (target) {
      out.notes.push({ kind: 'unknown-header', message: `Header "${showInvisible(header)}" is mapped to ${target} (suggested from its name); change the mapping if that is wrong.` });
    } else if (keepsCustom) {
      targets.add('custom_fields');
      out.notes.push({ kind: 'unknown-header', message: `Header "${showInvisible(header)}" matches no field of ${recordType}; it will be kept as custom_fields.${customFieldKey(header, index, taken)} unless you map it to a field or leave it out.` });
    } else {
      out.problems.push({ kind: 'unknown-header', message: `Header "${showInvisible(header)}" matches no field of ${recordType}, which has no custom_fields, so the column will be left out unless you map it to a field.` });
    }
  });
  const missing = lookup.fields.filter((f) => f.required && !f.path.includes('.') && !targets.has(f.path)).map((f) => f.path);
  const note = unfilledNote(missing, recordType);
  if (note) out.problems.push({ kind: 'missing-field', message: note });
}
