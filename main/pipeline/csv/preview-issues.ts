import type { PreviewIssue } from '../csv-preview.js';
import { suggestColumns } from '../column-mapping.js';
import { customFieldKey } from '../convert/custom-key.js';
import type { FieldLookup } from '../convert/field-lookup.js';
import { findInvisibleCharacters, showInvisible } from './invisible-characters.js';

/** Most cell messages shown before summing up the rest: a person fixes the pattern, not 5,000 cells. */
const MAX_CELL_MESSAGES = 10;

/** A row of the head with the physical line it starts on. */
export interface NumberedRow { line: number; cells: string[] }

/** Empty, duplicate and invisible-character headers. */
export function headerIssues(headers: readonly string[]): PreviewIssue[] {
  const issues: PreviewIssue[] = [];
  const seen = new Map<string, number>();
  headers.forEach((header, index) => {
    const column = index + 1;
    if (header.trim() === '') {
      issues.push({ kind: 'empty-header', message: `Column ${column} has no header. Give it a name; otherwise its values are kept as custom_fields.column_${column}.` });
    }
    for (const what of findInvisibleCharacters(header)) {
      issues.push({ kind: 'invisible-character', message: `Header "${showInvisible(header)}" (column ${column}) contains ${what}. Retype the header without it, or it will not match a field name.` });
    }
    const first = seen.get(header);
    if (first !== undefined && header.trim() !== '') {
      issues.push({ kind: 'duplicate-header', message: `Header "${header}" appears in columns ${first} and ${column}. Rename one: each column needs its own name.` });
    } else if (first === undefined) {
      seen.set(header, column);
    }
  });
  return issues;
}

/** Invisible characters in cells and rows whose field count differs from the header's. */
export function rowIssues(headers: readonly string[], rows: readonly NumberedRow[], delimiter: string): PreviewIssue[] {
  const issues: PreviewIssue[] = [];
  let hidden = 0;
  let ragged = 0;
  for (const { line, cells } of rows) {
    if (cells.length !== headers.length && ++ragged <= MAX_CELL_MESSAGES) {
      const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
      issues.push({
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
        issues.push({ kind: 'invisible-character', message: `Line ${line}, column "${header}" contains ${what}: "${showInvisible(cell)}". Remove it unless it is meant to be there.` });
      }
    });
  }
  if (ragged > MAX_CELL_MESSAGES) {
    issues.push({ kind: 'ragged-row', message: `${ragged - MAX_CELL_MESSAGES} more rows in the first part of the file have the wrong number of fields.` });
  }
  if (hidden > MAX_CELL_MESSAGES) {
    issues.push({ kind: 'invisible-character', message: `${hidden - MAX_CELL_MESSAGES} more invisible characters in cells of the first rows were not listed.` });
  }
  return issues;
}

/** Headers that name no field of the record type, with what the converter will do with each. */
export function unknownHeaderIssues(headers: readonly string[], lookup: FieldLookup, recordType: string): PreviewIssue[] {
  const suggested = suggestColumns(headers, lookup);
  const taken = new Set<string>();
  const keepsCustom = lookup.match('custom_fields.x').kind === 'open';
  const issues: PreviewIssue[] = [];
  headers.forEach((header, index) => {
    if (header.trim() === '' || lookup.match(header.trim()).kind !== 'unknown') return;
    const suggestion = suggested[header];
    const fate = suggestion
      ? `it will be mapped to ${suggestion} (suggested from its name); change the mapping if that is wrong.`
      : keepsCustom
        ? `it will be kept as custom_fields.${customFieldKey(header, index, taken)} unless you map it to a field or leave it out.`
        : `${recordType} has no custom_fields, so it will be left out unless you map it to a field.`;
    issues.push({ kind: 'unknown-header', message: `Header "${showInvisible(header)}" matches no field of ${recordType}; ${fate}` });
  });
  return issues;
}
