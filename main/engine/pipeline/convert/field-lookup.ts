import type { FieldInfo, FieldKind } from '../../schemas/field-types.js';

/** Where a dotted CSV header lands in a record type: a described field, a key of an open object, or nowhere. */
export type FieldMatch = { kind: 'field'; field: FieldInfo } | { kind: 'open'; parent: string; values?: FieldKind } | { kind: 'unknown' };

export interface FieldLookup {
  match(path: string): FieldMatch;
  /** The item field a path names without its list marker ('products.quantity' -> 'products[].quantity'), or null. */
  itemPath(path: string): string | null;
  /** The fields a CSV column can address (array item paths like 'products[].sku' are left out). */
  readonly fields: readonly FieldInfo[];
}

/**
 * Indexes a record type's fields for header matching. An object field with no described
 * children (`custom_fields`) is open: any key under it is accepted, which is how the vendor's
 * models treat custom fields; a described object (`link`) only takes its described keys.
 */
export function createFieldLookup(all: readonly FieldInfo[]): FieldLookup {
  const fields = all.filter((f) => !f.path.includes('[]'));
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const items = new Map(all.filter((f) => f.path.includes('[]')).map((f) => [f.path.replace(/\[\]/g, ''), f.path]));
  const open = new Map(
    fields.filter((f) => f.kind === 'object' && !fields.some((c) => c.path.startsWith(`${f.path}.`))).map((f) => [f.path, f.valuesKind] as const),
  );
  return {
    fields,
    itemPath: (path) => items.get(path.replace(/\[\d*\]/g, '')) ?? null,
    match(path) {
      const field = byPath.get(path);
      if (field) return { kind: 'field', field };
      for (let dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
        const parent = path.slice(0, dot);
        if (open.has(parent)) {
          const values = open.get(parent);
          return values === undefined ? { kind: 'open', parent } : { kind: 'open', parent, values };
        }
      }
      return { kind: 'unknown' };
    },
  };
}
