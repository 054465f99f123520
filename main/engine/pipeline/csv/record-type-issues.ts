/**
 * What the preview says about headers for a record type, as the converter will read them. Loaded
 * only when a record type is given: a plain preview never loads the record types (start-up time).
 */
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordFields } from '../../schemas/record-fields.js';
import { suggestColumns, textFills } from '../column-mapping.js';
import { unfilledNote } from '../convert/column-plan.js';
import { customFieldKey } from '../convert/custom-key.js';
import { createFieldLookup } from '../convert/field-lookup.js';
import { cleanHeader, columnName } from './header-names.js';
import { showInvisible } from './invisible-characters.js';
import type { Findings, NumberedRow } from './preview-types.js';

// 29,95 or 1.234,50 (same as the converter's --decimal-comma reading).
const DECIMAL_COMMA = /^\s*[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+\s*$/;

/**
 * What happens to each header for a record type, as the converter will do it (the same
 * suggestions, the same header reading): a suggested field or a custom field is a note; a column
 * that will be left out, a required field no column fills and a column of decimal-comma numbers
 * are problems.
 */
export function recordTypeIssues(headers: readonly string[], rows: readonly NumberedRow[], recordType: RecordTypeName, out: Findings): void {
  const lookup = createFieldLookup(getRecordFields(recordType));
  const suggested = suggestColumns(headers, lookup);
  const taken = new Set<string>();
  const keepsCustom = lookup.match('custom_fields.x').kind === 'open';
  const targets = new Set<string>();
  headers.forEach((header, index) => {
    const name = cleanHeader(header);
    if (name === '') return;
    const own = textFills(lookup.match(name));
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
