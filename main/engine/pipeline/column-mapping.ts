import { LexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { getRecordFields } from '../schemas/record-fields.js';
import type { DateOrder } from './convert/date-order.js';
import { createFieldLookup, LINE_ITEMS, type FieldLookup, type FieldMatch } from './convert/field-lookup.js';
import { HEADER_ALSO, HEADER_SYNONYMS, normaliseHeader } from './convert/header-synonyms.js';
import { cleanHeader } from './csv/header-names.js';

/**
 * How CSV headers become record fields; a plain object the UI edits and saves as a preset.
 * `columns[header]`: a dotted field path, or `null` to drop that column. A header not listed is
 * used as its own path when the record type knows it, else `unknownColumns` decides: kept under
 * `custom_fields.<snake_case header>` or dropped. `inferCustomTypes` turns custom values that
 * read as numbers or true/false into JSON numbers and booleans (they stay strings otherwise).
 * `dateOrders[header]`: how that date column writes its dates, where the person chose it; other
 * date columns are detected from the file's first rows (convert/date-columns.ts).
 * `groupBy`: a header whose rows with the same value make one record, each row one item of its
 * `products` (an order's lines; purchase and return). `constants[path]`: a value every record
 * gets for a field no column fills (`type: physical`), typed as the field is.
 */
export interface ColumnMapping {
  columns: Record<string, string | null>;
  unknownColumns: 'custom_fields' | 'drop';
  inferCustomTypes: boolean;
  dateOrders?: Readonly<Record<string, DateOrder>>;
  groupBy?: string;
  constants?: Readonly<Record<string, string>>;
}

/** Defaults for the parts of a mapping a caller leaves out. */
export function completeMapping(partial: Partial<ColumnMapping> | undefined, columns: Record<string, string | null>): ColumnMapping {
  return {
    columns: partial?.columns ?? columns,
    unknownColumns: partial?.unknownColumns ?? 'custom_fields',
    inferCustomTypes: partial?.inferCustomTypes ?? false,
    ...(partial?.dateOrders ? { dateOrders: partial.dateOrders } : {}),
    ...(partial?.groupBy !== undefined ? { groupBy: partial.groupBy } : {}),
    ...(partial?.constants ? { constants: partial.constants } : {}),
  };
}

/** The fields a conversion addresses: with rows grouped into orders, each line's `products.*` too. */
export function mappingLookup(recordType: RecordTypeName, grouped: boolean): FieldLookup {
  return createFieldLookup(getRecordFields(recordType), grouped ? LINE_ITEMS : null);
}

/**
 * Suggests a field for each header from its name (headers with no suggestion are left out), and
 * the values that go with some of them (a SKU column's id_type). With `groupBy`, rows are
 * grouped into orders, so line-item headers (Qty, SKU, Line Total) are suggested too.
 */
export function suggestMapping(headers: readonly string[], recordType: RecordTypeName, groupBy?: string): ColumnMapping {
  const columns = suggestColumns(headers, mappingLookup(recordType, groupBy !== undefined));
  const constants = suggestConstants(columns);
  return {
    columns, unknownColumns: 'custom_fields', inferCustomTypes: false,
    ...(groupBy !== undefined ? { groupBy } : {}), ...(Object.keys(constants).length > 0 ? { constants } : {}),
  };
}

/** The values the synonyms table sets beside a suggested field (a "SKU" column's ids are SKUs: id_type sku). */
export function suggestConstants(columns: Readonly<Record<string, string | null>>): Record<string, string> {
  const constants: Record<string, string> = {};
  for (const [header, path] of Object.entries(columns)) {
    const name = normaliseHeader(header);
    const also = HEADER_ALSO[name];
    if (also && path !== null && HEADER_SYNONYMS[name]?.includes(path)) Object.assign(constants, also);
  }
  return constants;
}

/**
 * Whether a column of text can fill the field a header names: not an object (a POS "Store" column
 * holds the store's name, while `store` needs an object: every row would fail "is not an object").
 * A column of JSON objects can still be mapped to one by hand.
 */
export function textFills(match: FieldMatch): boolean {
  return match.kind === 'open' || (match.kind === 'field' && match.field.kind !== 'object');
}

/**
 * The suggestion rules, in order: a header that already is a field path; a known synonym
 * (convert/header-synonyms.ts: 'E-mail' -> link.email, 'Cust ID' -> link.customer_id); a header
 * equal to the last segment of exactly one field ('system_name' -> link.system_name). Each field
 * is suggested once, and never an object field (see textFills).
 */
export function suggestColumns(headers: readonly string[], lookup: FieldLookup): Record<string, string | null> {
  const columns: Record<string, string | null> = {};
  const taken = new Set<string>();
  const linkTaken = (): boolean => [...taken].some((p) => p.startsWith('link.') && p !== 'link.system_name');
  const take = (header: string, path: string): void => {
    columns[header] = path;
    taken.add(path);
  };
  // Each header once (a Set: indexOf per header was quadratic in a file of many columns).
  const pending = [...new Set(headers)].filter((h) => cleanHeader(h) !== '');
  for (const header of pending) {
    const name = cleanHeader(header);
    if (textFills(lookup.match(name)) && !taken.has(name)) take(header, name);
  }
  const byName = new Map(lookup.fields.map((f) => [normaliseHeader(f.path), f.path]));
  const rest = (): string[] => pending.filter((h) => !(h in columns));
  // Phone numbers go last: an email or customer id column is the better link when both exist.
  const synonymPasses = [(list: readonly string[]) => !list.includes('link.mobile'), (list: readonly string[]) => list.includes('link.mobile')];
  for (const inPass of synonymPasses) {
    for (const header of rest()) {
      const name = normaliseHeader(header);
      const candidates = [...(HEADER_SYNONYMS[name] ?? []), ...(byName.has(name) ? [byName.get(name) ?? ''] : [])];
      if (!inPass(HEADER_SYNONYMS[name] ?? [])) continue;
      const pick = candidates.find(
        (path) => lookup.match(path).kind === 'field' && textFills(lookup.match(path)) && !taken.has(path) && !(path.startsWith('link.') && path !== 'link.system_name' && linkTaken()),
      );
      if (pick) take(header, pick);
    }
  }
  // Matched on the last segment of a path; an object field (a POS "Store" for `store`) is never a column's target.
  const bySegment = new Map<string, string[]>();
  // An id alone does not say what kind of id it is (a product reference needs its id_type).
  for (const f of lookup.fields.filter((field) => field.kind !== 'object' && !field.path.startsWith(`${LINE_ITEMS}.product_reference.`))) {
    const segment = normaliseHeader(f.path.slice(f.path.lastIndexOf('.') + 1));
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), f.path]);
  }
  for (const header of rest()) {
    const open = (bySegment.get(normaliseHeader(header)) ?? []).filter((path) => !taken.has(path));
    if (open.length === 1 && open[0]) take(header, open[0]);
  }
  return withLink(columns, lookup);
}

/** Top-level fields that name the customer the same way a link variant does, best first. */
const LINK_TWINS = ['customer_id', 'email', 'email_sha256', 'mobile'] as const;

/**
 * Every record needs exactly one `link` variant. When no column was given one, a column that
 * went to a top-level twin (an `email` header matches customer_record's own `email` attribute
 * first) is moved to the link instead: without it every row would be refused.
 */
function withLink(columns: Record<string, string | null>, lookup: FieldLookup): Record<string, string | null> {
  const targets = Object.values(columns);
  if (targets.some((p) => p?.startsWith('link.') && p !== 'link.system_name')) return columns;
  for (const twin of LINK_TWINS) {
    const header = Object.keys(columns).find((h) => columns[h] === twin);
    if (header !== undefined && lookup.match(`link.${twin}`).kind === 'field') return { ...columns, [header]: `link.${twin}` };
  }
  return columns;
}

/** Parses CLI `--map HEADER=FIELD` arguments; `HEADER=` (nothing after '=') drops the column. */
export function parseMapArgs(args: readonly string[]): Record<string, string | null> {
  const columns: Record<string, string | null> = {};
  for (const arg of args) {
    // Field paths never contain '=', headers might: split at the last one.
    const eq = arg.lastIndexOf('=');
    if (eq <= 0) {
      throw new LexerError('usage', `--map "${arg}" is not HEADER=FIELD.`, {
        hint: 'Write it like --map "Email=link.email", or --map "Notes=" to leave a column out.',
      });
    }
    const field = arg.slice(eq + 1).trim();
    columns[arg.slice(0, eq)] = field === '' ? null : field;
  }
  return columns;
}

/**
 * Parses CLI `--set FIELD=VALUE` arguments: a value every record gets (`type=physical`). Split at
 * the first '=' (a field path has none; a value may).
 */
export function parseSetArgs(args: readonly string[]): Record<string, string> {
  const constants: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const field = eq <= 0 ? '' : arg.slice(0, eq).trim();
    const value = eq <= 0 ? '' : arg.slice(eq + 1).trim();
    if (field === '' || value === '') {
      throw new LexerError('usage', `--set "${arg}" is not FIELD=VALUE.`, {
        hint: 'Write it like --set type=physical or --set store.type=ecommerce: a field every record gets the same value for.',
      });
    }
    constants[field] = value;
  }
  return constants;
}

/** Edit distance between two short strings (header names): how many single-character changes apart. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Up to three headers closest to `name` (letters and digits compared, case and spacing aside). */
export function closestHeaders(name: string, headers: readonly string[]): string[] {
  const wanted = normaliseHeader(name);
  return [...new Set(headers)]
    .filter((h) => cleanHeader(h) !== '')
    .map((h) => ({ h, d: distance(wanted, normaliseHeader(h)) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ h }) => h);
}

/**
 * Checks that every header a user's mapping names is a column of the file: without the check,
 * `--map "MemberCode=..."` for a header `Member Code` was ignored and every row failed on `link`. A
 * header matches as written, or as the file's header reads without invisible characters and
 * padding (the way conversion reads headers); the mapping comes back keyed by the file's headers.
 * Throws a usage error listing the closest headers for a name that matches no column.
 */
export function resolveMapHeaders(headers: readonly string[], columns: Readonly<Record<string, string | null>>, file: string): Record<string, string | null> {
  const resolved: Record<string, string | null> = {};
  for (const [name, field] of Object.entries(columns)) {
    const header = headers.includes(name) ? name : headers.find((h) => cleanHeader(h) === cleanHeader(name));
    if (header === undefined) {
      const close = closestHeaders(name, headers).map((h) => JSON.stringify(h)).join(', ');
      throw new LexerError('usage', `--map "${name}=${field ?? ''}" names no column of ${file}.${close ? ` The closest headers: ${close}.` : ''}`, {
        hint: 'Write the header exactly as the file has it (`lexer-upload preview` lists them), e.g. --map "Member Code=link.customer_id".',
      });
    }
    resolved[header] = field;
  }
  return resolved;
}
