/**
 * The fields of a record type, for mapping and typing CSV columns, without the validator: a
 * preview or a mapping suggestion never loads ajv (start-up time).
 */
import type { FieldInfo } from './field-types.js';
import type { RecordTypeName } from './record-type-names.js';
import { RECORD_SCHEMAS } from './record-type-schemas.js';
import { listFields } from './check/field-info.js';

const cache = new Map<RecordTypeName, readonly FieldInfo[]>();

/** Every field path of one record type, parents before children (cached). */
export function getRecordFields(name: RecordTypeName): readonly FieldInfo[] {
  let fields = cache.get(name);
  if (!fields) {
    fields = Object.freeze(listFields(RECORD_SCHEMAS[name]));
    cache.set(name, fields);
  }
  return fields;
}
