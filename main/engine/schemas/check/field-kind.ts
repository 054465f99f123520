/** Reads what kind of value a schema node asks for (for FieldInfo and for error messages). */
import type { FieldKind } from '../field-types.js';
import { DATE_FORMAT, DATE_TIME_FORMAT, EMAIL_FORMAT, OPTIONAL_EMAIL_FORMAT } from '../common/formats.js';
import type { SchemaNode } from '../common/json-schema.js';

export type { SchemaNode };

/** The JSON types a node allows, without 'null'. */
export function typesOf(node: SchemaNode): string[] {
  const t = node.type;
  const list = t === undefined ? [] : Array.isArray(t) ? t : [t];
  return list.filter((x) => x !== 'null');
}

/** The kind of value a node asks for, with enum values and the item kind of arrays. */
export function kindOf(node: SchemaNode): { kind: FieldKind; enumValues?: string[]; itemKind?: FieldKind } {
  if (node.anyOf) return { kind: 'object' };
  if (node.format === DATE_FORMAT) return { kind: 'date' };
  if (node.format === DATE_TIME_FORMAT) return { kind: 'date-time' };
  if (node.format === EMAIL_FORMAT || node.format === OPTIONAL_EMAIL_FORMAT) return { kind: 'email' };
  if (Array.isArray(node.enum)) return { kind: 'enum', enumValues: node.enum.filter((v): v is string => typeof v === 'string') };
  const types = typesOf(node);
  if (types.includes('array')) return { kind: 'array', ...(node.items ? { itemKind: kindOf(node.items).kind } : {}) };
  const first = types[0];
  switch (first) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'object':
      return { kind: first };
    default:
      return { kind: 'object' };
  }
}
