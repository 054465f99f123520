/** The shapes other modules use to read a record type (ENGINE-API.md, main/engine/schemas/). */
import type { RecordTypeName } from './record-type-names.js';

export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'date-time' | 'enum' | 'object' | 'array' | 'email';

export interface FieldInfo {
  /** Dotted path, e.g. 'link.email', 'custom_fields'; array items as 'products[].quantity'. */
  path: string;
  kind: FieldKind;
  /** True when every record must have it (a field inside an optional object is not). */
  required: boolean;
  enumValues?: readonly string[];
  /** For arrays: the kind of each item. */
  itemKind?: FieldKind;
  /** For open objects whose values have one kind (product `options`: a list per key). */
  valuesKind?: FieldKind;
  description?: string;
}

/**
 * A record's check: valid, with the values Lexer converts (pydantic) as warnings; or every
 * problem found, one per failing field (a person fixing a file wants them all, not the first).
 */
export type RecordCheck = { ok: true; warnings: string[] } | { ok: false; problems: RecordProblem[] };

export interface RecordTypeDefinition {
  name: RecordTypeName;
  fields: readonly FieldInfo[];
  check(record: unknown): RecordCheck;
}

/** One problem with a record: which field, which rule, and the sentence a person reads. */
export interface RecordProblem { field: string; rule: string; message: string }
