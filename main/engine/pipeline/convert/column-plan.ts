import { LexerError } from '../../errors.js';
import type { FieldKind } from '../../schemas/field-types.js';
import { textFills, type ColumnMapping } from '../column-mapping.js';
import { cleanHeader, columnLetter, columnName } from '../csv/header-names.js';
import { customFieldKey } from './custom-key.js';
import type { DateOrder, DateOrderSource } from './date-order.js';
import { LINE_ITEMS, type FieldLookup } from './field-lookup.js';
import { normaliseHeader } from './header-synonyms.js';

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
  /** Date and date-time columns: the order of day and month (date-order.ts) once known, and who set it. */
  dateOrder?: DateOrder;
  dateSource?: DateOrderSource;
  /**
   * A column of phone numbers, IDs or numbers: a leading apostrophe before its digits (a
   * spreadsheet's "keep as text" mark, Shopify's `'7012345600000`) is removed.
   */
  apostrophe?: boolean;
  /** A column of ids, codes or phone numbers (and every link but system_name): every digit counts, so one Excel rounded is left out. */
  identifier?: boolean;
  /** A value every record gets (the mapping's constants, --set): its cell follows the file's cells in each row. */
  constant?: boolean;
}

// Fields that hold phone numbers, and headers that name one (a custom "Default Address Phone").
const PHONE_FIELDS = new Set(['mobile', 'link.mobile', 'from.number', 'to.number']);
const PHONE_HEADER = /phone|mobile|cell/;
// Keys and headers of ids and codes: customer_id, sku, "Order Number", "Barcode".
const IDENTIFIER = /(?:^|[^a-z])(?:id|ids|sku|upc|ean|gtin|barcode|number|code|phone|mobile|cell)$/;
// Headers that name an ID or a number as a word of their own: "Order ID", "order_no", "CustomerID" (not "Paid").
const ID_HEADER = /(?:^|[\s_.-])(?:id|no|number)\.?$|[a-z]ID$/i;

/** Whether a column's values are phone numbers, IDs or numbers, which spreadsheets mark with a leading apostrophe. */
function marksAsText(target: ColumnTarget, full: string, header: string): boolean {
  if (PHONE_FIELDS.has(full) || target.kind === 'number' || target.kind === 'integer') return true;
  const text = target.kind === 'open' || target.kind === 'string';
  const idField = target.key === 'id' || target.key.endsWith('_id');
  return text && (idField || PHONE_HEADER.test(normaliseHeader(header)) || ID_HEADER.test(cleanHeader(header)));
}

/** Whether every digit of a column's values counts (ids, codes, phone numbers, links): one Excel rounded is left out. */
function countsEveryDigit(target: ColumnTarget, full: string, header: string): boolean {
  const text = target.kind === 'open' || target.kind === 'string';
  const phone = PHONE_FIELDS.has(full) || PHONE_HEADER.test(normaliseHeader(header));
  const link = target.parents[0] === 'link' && target.key !== 'system_name';
  return text && (phone || link || IDENTIFIER.test(target.key.toLowerCase()) || IDENTIFIER.test(cleanHeader(header).toLowerCase()));
}
// "Tags", "Customer Tags": a tag list, kept as a list under custom_fields.
const TAG_HEADER = /tags$/;

/** An example of the products list, for messages about purchase and return rows. */
const PRODUCTS_EXAMPLE = '[{"price_paid": 29.95, "quantity": 1}]';

/** Why a mapped path that names an item field of a list (products.quantity) cannot take a column. */
function itemFieldError(header: string, column: number, path: string, itemPath: string, recordType: string): LexerError {
  const list = itemPath.slice(0, itemPath.indexOf('[]'));
  return new LexerError(
    'usage',
    `The mapping sends column "${header}" (${columnName(column)}) to ${path}, but ${itemPath} is a field of each item in the list ${list}: one column cannot fill a list of items.`,
    {
      hint: list === LINE_ITEMS
        ? `An export with one row per line item (like Shopify's orders export) is grouped into one ${recordType} per order: say which column holds the order (convert --group-by "Order ID"; in the app, "One record per"). `
          + `Or put the whole list as JSON in one cell and map that column to ${list}, e.g. ${PRODUCTS_EXAMPLE}.`
        : `Put the whole list as JSON in one cell and map that column to ${list}, one row per ${recordType}.`,
    },
  );
}

interface Writer { header: string; column: number; constant?: boolean }

/**
 * The field paths columns write so far, and every parent path under them, so a new path is
 * checked against them in time of its own length: comparing it with each earlier column made a
 * file of 40,000 columns take a minute before its first row.
 */
class Writers {
  private readonly paths = new Map<string, Writer>();
  /** Each parent path ('link' for link.email) and one path written beneath it. */
  private readonly parents = new Map<string, string>();

  /** The earlier path that `path` would overwrite or nest into (equal, its parent or its child), or null. */
  clash(path: string): { path: string; by: Writer } | null {
    const same = this.paths.get(path);
    if (same) return { path, by: same };
    const below = this.parents.get(path);
    if (below !== undefined) return { path: below, by: this.paths.get(below) as Writer };
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      const above = path.slice(0, dot);
      const by = this.paths.get(above);
      if (by) return { path: above, by };
    }
    return null;
  }

  add(path: string, by: Writer): void {
    this.paths.set(path, by);
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      const above = path.slice(0, dot);
      if (!this.parents.has(above)) this.parents.set(above, path);
    }
  }
}

/**
 * Decides the target of every column. Two columns of the same name writing one field are the
 * file's problem (`unsupported-file`); a mapping that sends two columns to one field, or a
 * column to something the record type lacks, is the caller's (`usage`).
 */
export function planColumns(headers: readonly string[], lookup: FieldLookup, mapping: ColumnMapping, recordType: string): ColumnTarget[] {
  const plan: ColumnTarget[] = [];
  const writers = new Writers();
  const customKeys = new Set<string>();
  const hasCustomFields = lookup.match('custom_fields.x').kind === 'open';
  headers.forEach((header, column) => {
    const mapped = Object.hasOwn(mapping.columns, header) ? mapping.columns[header] : undefined;
    if (mapped === null) return;
    const path = (mapped ?? cleanHeader(header)).trim();
    // A header naming an object field ("store") is not mapped to it unasked: its cells are text.
    const match = mapped === undefined && !textFills(lookup.match(path)) ? { kind: 'unknown' as const } : lookup.match(path);
    if (match.kind === 'unknown' && mapped !== undefined) {
      const item = lookup.itemPath(path);
      if (item !== null) throw itemFieldError(header, column, path, item, recordType);
      throw new LexerError('usage', `The mapping sends column "${header}" (${columnName(column)}) to "${path}", which is not a field of ${recordType}.`, {
        hint: 'Pick one of the record type\'s fields, or map the column to nothing to leave it out.',
      });
    }
    let target: ColumnTarget;
    if (match.kind === 'unknown') {
      if (mapping.unknownColumns === 'drop' || !hasCustomFields) return;
      target = openTarget(column, header, ['custom_fields'], customFieldKey(header, column, customKeys), undefined);
    } else {
      const segments = path.split('.');
      const key = segments.pop() ?? path;
      if (match.kind === 'open' && segments.join('.') === 'custom_fields') customKeys.add(key);
      target =
        match.kind === 'open'
          ? openTarget(column, header, segments, key, match.values)
          : { column, header, parents: segments, key, kind: match.field.kind, enumValues: match.field.enumValues, itemKind: match.field.itemKind };
    }
    const full = [...target.parents, target.key].join('.');
    if (marksAsText(target, full, header)) target.apostrophe = true;
    if (countsEveryDigit(target, full, header)) target.identifier = true;
    if (full === lookup.lineItems) throw wholeListError(header, column, full, recordType);
    const clash = writers.clash(full);
    if (clash) throw collision(clash.by, { header, column }, clash.path === full ? full : `${full} and ${clash.path}`);
    writers.add(full, { header, column });
    plan.push(target);
  });
  Object.entries(mapping.constants ?? {}).forEach(([path, value], index) => {
    plan.push(constantTarget(path.trim(), value, headers.length + index, lookup, writers, recordType));
  });
  return plan;
}

/**
 * The target of a value every record gets (`type=physical`): a field of the record type that
 * is not an object, written by no column. A constant date is ISO (the person typed it).
 */
function constantTarget(path: string, value: string, column: number, lookup: FieldLookup, writers: Writers, recordType: string): ColumnTarget {
  const match = lookup.match(path);
  const named = `The value ${path}=${value}`;
  if (match.kind === 'unknown' || (match.kind === 'field' && match.field.kind === 'object')) {
    const item = lookup.itemPath(path);
    const what = item !== null && item.startsWith(`${LINE_ITEMS}[]`) ? `a field of each line item: it applies only when rows are grouped into orders (--group-by)` : `not a field of ${recordType} a value can fill`;
    throw new LexerError('usage', `${named} names ${path}, ${what}.`, { hint: 'Name a field of the record type, e.g. --set type=physical, or --set store.type=ecommerce.' });
  }
  const clash = writers.clash(path);
  if (clash) {
    const by = clash.by.constant ? `the value ${clash.by.header}` : `column "${clash.by.header}" (${columnName(clash.by.column)})`;
    throw new LexerError('usage', `${named} and ${by} would both write ${clash.path === path ? path : `${path} and ${clash.path}`}.`, {
      hint: 'Keep one of them: leave the column out, or drop the value.',
    });
  }
  writers.add(path, { header: `${path}=${value}`, column, constant: true });
  const segments = path.split('.');
  const key = segments.pop() ?? path;
  const target: ColumnTarget = match.kind === 'open'
    ? openTarget(column, path, segments, key, match.values)
    : { column, header: path, parents: segments, key, kind: match.field.kind, enumValues: match.field.enumValues, itemKind: match.field.itemKind };
  if (target.kind === 'date' || target.kind === 'date-time') {
    target.dateOrder = 'ymd';
    target.dateSource = 'chosen';
  }
  target.constant = true;
  return target;
}

/** With rows grouped into orders, each row is one item of the list: the list itself comes from no one column. */
function wholeListError(header: string, column: number, list: string, recordType: string): LexerError {
  return new LexerError('usage', `The mapping sends column "${header}" (${columnName(column)}) to ${list}, but with rows grouped into orders each row is one item of ${list}.`, {
    hint: `Map the line's columns to the item's fields (${list}.price_paid, ${list}.quantity, ${list}.product_reference.id), or convert one row per ${recordType} without grouping.`,
  });
}

/**
 * A key of an open object: a list of strings where the object's values are lists (product
 * `options`) or where a custom field's header names tags ("VIP, Newly Acquired" is two tags, and
 * custom_fields takes any value); text otherwise.
 */
function openTarget(column: number, header: string, parents: string[], key: string, values: FieldKind | undefined): ColumnTarget {
  const tags = TAG_HEADER.test(normaliseHeader(header)) || TAG_HEADER.test(normaliseHeader(key));
  const list = values === 'array' || (parents.join('.') === 'custom_fields' && tags);
  return list ? { column, header, parents, key, kind: 'array', itemKind: 'string' } : { column, header, parents, key, kind: 'open' };
}

function collision(a: { header: string; column: number }, b: { header: string; column: number }, what: string): LexerError {
  const columns = `columns ${a.column + 1} (${columnLetter(a.column)}) and ${b.column + 1} (${columnLetter(b.column)})`;
  if (cleanHeader(a.header) === cleanHeader(b.header)) {
    return new LexerError('unsupported-file', `The file's ${columns} are both named "${cleanHeader(a.header)}", so both would write ${what}.`, {
      hint: 'Rename one of the two headers in the file (each column needs its own name), or delete the column you do not need.',
    });
  }
  return new LexerError('usage', `The ${columns}, "${a.header}" and "${b.header}", would both write ${what}.`, {
    hint: `Map one of them elsewhere, or leave one out (for the CLI: --map "${b.header}=").`,
  });
}

/**
 * Required top-level fields that no column fills, so every row would be refused for them (a
 * Shopify orders export sent as `purchase` gives `type: is required` on every row).
 */
export function unfilledRequired(plan: readonly ColumnTarget[], lookup: FieldLookup): string[] {
  const filled = new Set(plan.map((t) => t.parents[0] ?? t.key));
  const missing = lookup.fields.filter((f) => f.required && !f.path.includes('.') && !filled.has(f.path)).map((f) => f.path);
  // Grouped into orders: each line's required fields too (price_paid, quantity).
  const items = lookup.lineItems;
  if (items === null || missing.includes(items)) return missing;
  const written = new Set(plan.map((t) => [...t.parents, t.key].join('.')));
  const prefix = `${items}.`;
  return [...missing, ...lookup.fields.filter((f) => f.required && f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('.') && !written.has(f.path)).map((f) => f.path)];
}

/** What a conversion tells the user about required fields no column fills, or null when all are filled. */
export function unfilledNote(missing: readonly string[], recordType: string): string | null {
  if (missing.length === 0) return null;
  const list = missing.join(', ');
  let note = `No column fills ${list}, which every ${recordType} record needs, so every row will be rejected; map a column to ${missing.length === 1 ? 'it' : 'each'}`
    + `${missing.includes('type') ? ' (or give every record the same value: --set type=physical; in the app, "Same value for every record")' : ''}.`;
  if (missing.includes('products')) {
    note += ` A ${recordType} row needs its products as a JSON list in one cell, e.g. ${PRODUCTS_EXAMPLE}, one row per ${recordType}; `
      + 'an export with one row per line item (like Shopify\'s orders export) becomes one record per order with --group-by and the column of the order\'s number '
      + '(in the app, "One record per").';
  }
  return note;
}
