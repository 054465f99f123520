/**
 * The project's definitions of Lexer's 12 record types: their fields (for mapping and typing CSV
 * columns) and a check that accepts what the vendor's pydantic validator accepts.
 */
import type { RecordTypeName } from './record-type-names.js';
import type { RecordTypeDefinition } from './field-types.js';
import { EXTRA_RULES, RECORD_SCHEMAS } from './record-type-schemas.js';
import { compileCheck } from './check/compile-check.js';
import { getRecordFields } from './record-fields.js';

export type { FieldKind, FieldInfo, RecordCheck, RecordTypeDefinition } from './field-types.js';

const cache = new Map<RecordTypeName, RecordTypeDefinition>();

/** The definition of one record type; its check compiles on first use (only the type asked for). */
export function getRecordType(name: RecordTypeName): RecordTypeDefinition {
  const cached = cache.get(name);
  if (cached) return cached;
  const definition: RecordTypeDefinition = {
    name,
    fields: getRecordFields(name),
    check: compileCheck(RECORD_SCHEMAS[name], EXTRA_RULES[name] ?? []),
  };
  cache.set(name, definition);
  return definition;
}
