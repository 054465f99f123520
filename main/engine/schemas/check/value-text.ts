/** How values and paths appear in messages: short JSON, and dotted paths with [i] for items. */

const MAX_SHOWN = 60;

/** A value as JSON, cut to a readable length. */
export function showValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** The JSON kind of a value in plain words ('a number', 'an array'). */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** The keys of a JSON pointer ('/products/0/quantity' -> ['products', '0', 'quantity']). */
export function pointerKeys(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The readable path of a pointer inside `root` ('products[0].quantity') and the field it groups
 * under ('products[].quantity'), prefixed with `prefix` (e.g. 'link').
 */
export function readablePath(root: unknown, keys: readonly string[], prefix = ''): { display: string; field: string } {
  let display = prefix;
  let field = prefix;
  let node: unknown = root;
  for (const key of keys) {
    if (Array.isArray(node)) {
      display += `[${key}]`;
      field += '[]';
      node = node[Number(key)];
    } else {
      display += display ? `.${key}` : key;
      field += field ? `.${key}` : key;
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return { display, field };
}

/** Writes `value` at the keys inside `root` (used to re-check a coerced copy). */
export function setAtKeys(root: unknown, keys: readonly string[], value: unknown): void {
  if (keys.length === 0) return;
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}
