import { LexerError } from '../../errors.js';
import type { FieldKind } from '../../schemas/record-types.js';
import type { ColumnMapping } from '../column-mapping.js';
import { customFieldKey } from './custom-key.js';
import type { FieldLookup } from './field-lookup.js';

/** Where one CSV column goes and how its text is typed; plain data, so it can be sent to a worker. */
export interface ColumnTarget {
  column: number;
  header: string;
  /** Path segments of the parent objects, e.g. ['link'] for link.email. */
  parents: string[];
  key: string;
  /** 'open' = a key of an open object such as custom_fields: a string unless types are inferred. */
  kind: FieldKind | 'open';
  enumValues?: readonly string[];
  itemKind?: FieldKind;
}

/** Decides the target of every column; throws a usage LexerError when two columns would write one field. */
export function planColumns(headers: readonly string[], lookup: FieldLookup, mapping: ColumnMapping, recordType: string): ColumnTarget[] {
  const plan: ColumnTarget[] = [];
  const writers = new Map<string, string>();
  const customKeys = new Set<string>();
  const hasCustomFields = lookup.match('custom_fields.x').kind === 'open';
  headers.forEach((header, column) => {
    const mapped = Object.hasOwn(mapping.columns, header) ? mapping.columns[header] : undefined;
    if (mapped === null) return;
    const path = (mapped ?? header).trim();
    const match = lookup.match(path);
    if (match.kind === 'unknown' && mapped !== undefined) {
      throw new LexerError('usage', `The mapping sends column "${header}" to "${path}", which is not a field of ${recordType}.`, {
        hint: 'Pick one of the record type\'s fields, or map the column to nothing to leave it out.',
      });
    }
    let target: ColumnTarget;
    if (match.kind === 'unknown') {
      if (mapping.unknownColumns === 'drop' || !hasCustomFields) return;
      target = { column, header, parents: ['custom_fields'], key: customFieldKey(header, column, customKeys), kind: 'open' };
    } else {
      const segments = path.split('.');
      const key = segments.pop() ?? path;
      if (match.kind === 'open' && segments.join('.') === 'custom_fields') customKeys.add(key);
      target =
        match.kind === 'open'
          ? { column, header, parents: segments, key, kind: 'open' }
          : { column, header, parents: segments, key, kind: match.field.kind, enumValues: match.field.enumValues, itemKind: match.field.itemKind };
    }
    const full = [...target.parents, target.key].join('.');
    for (const [other, by] of writers) {
      if (other === full || other.startsWith(`${full}.`) || full.startsWith(`${other}.`)) {
        throw new LexerError('usage', `Columns "${by}" and "${header}" would both write ${other === full ? full : `${full} and ${other}`}.`, {
          hint: 'Map one of them to another field, or leave one out (for the CLI: --map "HEADER=").',
        });
      }
    }
    writers.set(full, header);
    plan.push(target);
  });
  return plan;
}
