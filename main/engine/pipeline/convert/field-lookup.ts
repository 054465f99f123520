import type { FieldInfo, FieldKind } from '../../schemas/field-types.js';

/** Where a dotted CSV header lands in a record type: a described field, a key of an open object, or nowhere. */
export type FieldMatch = { kind: 'field'; field: FieldInfo } | { kind: 'open'; parent: string; values?: FieldKind } | { kind: 'unknown' };

export interface FieldLookup {
  match(path: string): FieldMatch;
  /** The item field a path names without its list marker ('products.quantity' -> 'products[].quantity'), or null. */
  itemPath(path: string): string | null;
  /** The fields a CSV column can address (array item paths like 'products[].sku' are left out, but for lineItems). */
  readonly fields: readonly FieldInfo[];
  /** The list each row fills one item of (rows grouped into orders), or null. */
  readonly lineItems: string | null;
}

/** The list whose items one row each fills when rows are grouped into one record (an order's lines). */
export const LINE_ITEMS = 'products';

/**
 * Indexes a record type's fields for header matching. An object field with no described
 * children (`custom_fields`) is open: any key under it is accepted, which is how the vendor's
 * models treat custom fields; a described object (`link`) only takes its described keys.
 * With `lineItems` (rows grouped into orders), the fields of each item of that list are
 * addressed as `products.quantity`: one row fills one item.
 */
export function createFieldLookup(all: readonly FieldInfo[], lineItems: string | null = null): FieldLookup {
  const prefix = lineItems === null ? null : `${lineItems}[].`;
  const items = prefix === null ? [] : all.filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('[]'));
  const fields = [
    ...all.filter((f) => !f.path.includes('[]')),
    ...items.map((f) => ({ ...f, path: `${lineItems}.${f.path.slice(prefix?.length ?? 0)}` })),
  ];
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const itemPaths = new Map(all.filter((f) => f.path.includes('[]')).map((f) => [f.path.replace(/\[\]/g, ''), f.path]));
  const open = new Map(
    fields.filter((f) => f.kind === 'object' && !fields.some((c) => c.path.startsWith(`${f.path}.`))).map((f) => [f.path, f.valuesKind] as const),
  );
  return {
    fields,
    lineItems,
    itemPath: (path) => itemPaths.get(path.replace(/\[\d*\]/g, '')) ?? null,
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
