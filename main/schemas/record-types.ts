/**
 * The project's definitions of Lexer's 12 record types: their fields (for mapping and typing CSV
 * columns) and a check that accepts what the vendor's pydantic validator accepts.
 */
import type { RecordTypeName } from './record-type-names.js';
import type { RecordTypeDefinition } from './field-types.js';
import { EXTRA_RULES, RECORD_SCHEMAS } from './record-type-schemas.js';
import { compileCheck } from './check/compile-check.js';
import { listFields } from './check/field-info.js';
import type { SchemaNode } from './check/field-kind.js';

export type { FieldKind, FieldInfo, RecordCheck, RecordTypeDefinition } from './field-types.js';

const cache = new Map<RecordTypeName, RecordTypeDefinition>();

/** The definition of one record type; compiled on first use, then cached. */
export function getRecordType(name: RecordTypeName): RecordTypeDefinition {
  const cached = cache.get(name);
  if (cached) return cached;
  const schema = RECORD_SCHEMAS[name];
  const definition: RecordTypeDefinition = {
    name,
    fields: Object.freeze(listFields(schema as unknown as SchemaNode)),
    check: compileCheck(schema, EXTRA_RULES[name] ?? []),
  };
  cache.set(name, definition);
  return definition;
}
