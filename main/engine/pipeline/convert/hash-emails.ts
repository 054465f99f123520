/**
 * E-mail addresses sent only hashed (convert --hash-emails; the app's "Send e-mail addresses
 * only hashed"): Lexer links a profile by `email_sha256`, the SHA-256 of the trimmed, lower-cased
 * address, as well as by `email`, so a retailer whose policy forbids sending clear addresses can
 * still load its data. The hash is taken here, on this computer, after the record is built and
 * before it is checked, so the CSV, JSON and NDJSON conversions treat a record alike:
 *
 * - an e-mail field with a hashed form in the record type (`link.email`, customer_record's
 *   `email`) is replaced by it (`link.email_sha256`, `email_sha256`); so is a link written as
 *   `link_type: email` with its `link_value`;
 * - any other value that is an e-mail address (`from.email`, a custom field, an unknown key) is
 *   left out: the record type has nowhere to put its hash;
 * - an address that is not valid is left as it is, so the check refuses the row as it would
 *   without hashing: a hash of garbage links nothing, and is no reason to send the row.
 *
 * Every change is a note (numbered here, worded once per field) and the hashes are counted.
 */
import { createHash } from 'node:crypto';
import { isLexerEmail } from '../../schemas/common/formats.js';
import { getRecordFields } from '../../schemas/record-fields.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { RECORD_SCHEMAS } from '../../schemas/record-type-schemas.js';
import type { SchemaNode } from '../../schemas/check/field-kind.js';
import { pythonStrip } from '../../schemas/common/python-text.js';
import type { WarningGroup } from '../validation/types.js';

type Json = Record<string, unknown>;

/**
 * Where each e-mail field's hash goes: the path of its `*_sha256` field, or null where the record
 * type has none; then `unit` is what is left out: the field, or the object that cannot be without
 * it (email_send's `from` needs its `email`).
 */
export type EmailHashPlan = ReadonlyMap<string, { readonly to: string | null; readonly unit: string }>;

/** The plan for a record type: every field of kind email and its hashed twin, if any. */
export function emailHashPlan(recordType: RecordTypeName): EmailHashPlan {
  const fields = getRecordFields(recordType);
  const paths = new Set(fields.map((f) => f.path));
  const plan = new Map<string, { to: string | null; unit: string }>();
  for (const f of fields) {
    if (f.kind !== 'email' || f.path.includes('[]')) continue;
    const twin = `${f.path}_sha256`;
    plan.set(f.path, paths.has(twin) ? { to: twin, unit: f.path } : { to: null, unit: neededBy(RECORD_SCHEMAS[recordType], f.path) });
  }
  return plan;
}

/** The field itself, or its parent object when that object requires it (and so on up, short of the record). */
function neededBy(schema: SchemaNode, path: string): string {
  const segments = path.split('.');
  const nodes: SchemaNode[] = [schema];
  for (const segment of segments.slice(0, -1)) {
    const next = nodes.at(-1)?.properties?.[segment];
    if (!next) break;
    nodes.push(next);
  }
  let unit = segments.length;
  while (unit > 1 && (nodes[unit - 1]?.required ?? []).includes(segments[unit - 1] ?? '')) unit -= 1;
  return segments.slice(0, unit).join('.');
}

/** The SHA-256, in hex, of an address as Lexer compares it: stripped as Python strips, lower-cased. */
export function emailSha256(address: string): string {
  return createHash('sha256').update(pythonStrip(address).toLowerCase()).digest('hex');
}

// A value that is an address as a whole, read loosely (an address the vendor's stricter rule
// refuses is still someone's address, and still must not leave in clear).
const LOOKS_LIKE_ADDRESS = /^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/u;

/** What hashing did to the records written: counts, and notes by field. */
export class EmailHashTally {
  /** Addresses replaced by their hash. */
  hashed = 0;
  /** Addresses left out (no hashed form). */
  leftOut = 0;
  private readonly groups = new Map<string, WarningGroup>();

  /** Counts one written record's changes, `line` being where it starts. */
  add(changes: readonly HashChange[], line: number): void {
    for (const change of changes) {
      if (change.how === 'hashed') this.hashed += 1;
      else this.leftOut += 1;
      const key = `hash|${change.how}|${change.from}`;
      const group = this.groups.get(key);
      if (group) group.count += 1;
      else this.groups.set(key, { key, first: hashNote(change), line, count: 1 });
    }
  }

  notes(): WarningGroup[] {
    return [...this.groups.values()];
  }
}

/**
 * One address, by field path: hashed into `to`; left out where the record type has no hashed
 * form (`to`: the object left out with it, if any); or left out where the record already holds
 * a hash in `to` (the file's own, kept).
 */
export interface HashChange { readonly from: string; readonly to: string | null; readonly how: 'hashed' | 'no-hashed-form' | 'hash-given' }

function hashNote(change: HashChange): string {
  switch (change.how) {
    case 'hashed':
      return `${change.from}: e-mail addresses were sent only as their SHA-256 (of the trimmed, lower-cased address), in ${change.to ?? change.from}`;
    case 'no-hashed-form':
      return `${change.from}: e-mail addresses were left out${change.to === null ? '' : ` (with ${change.to}, which needs one)`}: they leave only hashed, and the record type has no hashed form of this field`;
    case 'hash-given':
      return `${change.from}: e-mail addresses were left out where ${change.to ?? ''} already holds a hash (the file's own was kept)`;
    default: {
      const _exhaustive: never = change.how;
      return _exhaustive;
    }
  }
}

/**
 * Hashes or leaves out every e-mail address of `record`, in place; returns what it changed.
 * Addresses that are not valid in an e-mail field stay, for the check to refuse.
 */
export function hashEmails(record: Json, plan: EmailHashPlan): HashChange[] {
  const changes: HashChange[] = [];
  const handled = new Set<string>();
  for (const [from, { to, unit }] of plan) {
    handled.add(from);
    const dot = from.lastIndexOf('.');
    const parent = dot === -1 ? record : objectAt(record, from.slice(0, dot));
    const key = from.slice(dot + 1);
    const value = parent?.[key];
    if (!parent || typeof value !== 'string' || !isLexerEmail(value)) continue;
    const toKey = to === null ? null : to.slice(to.lastIndexOf('.') + 1);
    if (toKey === null) {
      leaveOut(record, unit);
      changes.push({ from, to: unit === from ? null : unit, how: 'no-hashed-form' });
      continue;
    }
    delete parent[key];
    if (parent[toKey] !== undefined) {
      changes.push({ from, to, how: 'hash-given' });
    } else {
      parent[toKey] = emailSha256(value);
      changes.push({ from, to, how: 'hashed' });
    }
  }
  const link = objectAt(record, 'link');
  if (link && link.link_type === 'email' && typeof link.link_value === 'string') {
    // An address that is not valid stays, for the check to refuse.
    handled.add('link.link_value');
    if (isLexerEmail(link.link_value)) {
      link.link_type = 'email_sha256';
      link.link_value = emailSha256(link.link_value);
      changes.push({ from: 'link.link_value', to: 'link.link_value', how: 'hashed' });
    }
  }
  leaveOutOtherAddresses(record, '', handled, changes);
  return changes;
}

/** Removes the value at a dotted path, and any object that leaves empty on the way up. */
function leaveOut(record: Json, path: string): void {
  const segments = path.split('.');
  const parents: Json[] = [record];
  for (const segment of segments.slice(0, -1)) {
    const next = parents.at(-1)?.[segment];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) return;
    parents.push(next as Json);
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const parent = parents[i] as Json;
    delete parent[segments[i] as string];
    if (i === 0 || Object.keys(parent).length > 0) return;
  }
}

/** The object at a dotted path, or undefined. */
function objectAt(record: Json, path: string): Json | undefined {
  let node: unknown = record;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Json)[segment];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Json) : undefined;
}

/** Leaves out every other value that is an address (a custom field, an unknown key, an item of a list). */
function leaveOutOtherAddresses(node: Json, prefix: string, handled: ReadonlySet<string>, changes: HashChange[]): void {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') {
      // The '@' test first: it spares the expression for almost every value.
      if (value.includes('@') && !handled.has(path) && LOOKS_LIKE_ADDRESS.test(value)) {
        delete node[key];
        changes.push({ from: path, to: null, how: 'no-hashed-form' });
      }
    } else if (Array.isArray(value)) {
      if (value.some((item) => typeof item === 'string' && item.includes('@') && LOOKS_LIKE_ADDRESS.test(item))) {
        delete node[key];
        changes.push({ from: path, to: null, how: 'no-hashed-form' });
      } else {
        for (const item of value) if (item !== null && typeof item === 'object' && !Array.isArray(item)) leaveOutOtherAddresses(item as Json, `${path}[]`, handled, changes);
      }
    } else if (value !== null && typeof value === 'object') {
      const before = changes.length;
      leaveOutOtherAddresses(value as Json, path, handled, changes);
      // An object whose only values were addresses goes too ({"custom_fields": {}} says nothing).
      if (changes.length > before && Object.keys(value).length === 0) delete node[key];
    }
  }
}
