import type { Findings, NumberedRow } from './preview-types.js';
import { cleanHeader, columnName } from './header-names.js';
import { findInvisibleCharacters, showInvisible } from './invisible-characters.js';

/** Most cell messages shown before summing up the rest: a person fixes the pattern, not 5,000 cells. */
const MAX_CELL_MESSAGES = 10;


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
