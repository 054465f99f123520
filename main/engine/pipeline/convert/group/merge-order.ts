/**
 * One order from its lines: each line's record (built from its row as any row is) gives one item
 * of `products`; the rest of each line is the order's, and must agree with the order's other
 * lines. An order-level cell may be empty on some lines (Shopify's orders export fills the
 * order's columns on its first line only), but two lines giving it different values is a
 * disagreement: the order is refused, since any choice between them would be a guess.
 */
import { ExactNumber } from '../exact-number.js';

type Json = Record<string, unknown>;

/** A line of the order: its file line and the record its row made. */
export interface OrderLine { readonly line: number; readonly record: Json }

/** Two lines of an order giving one field different values. */
export interface Disagreement { readonly field: string; readonly first: { line: number; value: unknown }; readonly other: { line: number; value: unknown } }

export interface MergedOrder {
  readonly record: Json;
  /** The file line of each item of the record's list, in order. */
  readonly itemLines: readonly number[];
  /** The first line giving each order-level field its value (dotted path), to name it in problems. */
  readonly fieldLines: ReadonlyMap<string, number>;
  readonly disagreements: readonly Disagreement[];
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof ExactNumber);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof ExactNumber && b instanceof ExactNumber) return a.digits === b.digits;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  return false;
}

/** Merges the lines of one order (in file order); `list` is the field each line's item goes to. */
export function mergeOrder(lines: readonly OrderLine[], list: string): MergedOrder {
  const record: Json = {};
  const items: Json[] = [];
  const itemLines: number[] = [];
  const fieldLines = new Map<string, number>();
  const disagreements: Disagreement[] = [];
  const reported = new Set<string>();
  const merge = (into: Json, from: Json, prefix: string, line: number): void => {
    for (const [key, value] of Object.entries(from)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const before = into[key];
      if (before === undefined) {
        into[key] = isObject(value) ? merge2(value, path, line) : value;
        if (!isObject(value)) fieldLines.set(path, line);
      } else if (isObject(before) && isObject(value)) {
        merge(before, value, path, line);
      } else if (!same(before, value) && !reported.has(path)) {
        reported.add(path);
        disagreements.push({ field: path, first: { line: fieldLines.get(path) ?? line, value: before }, other: { line, value } });
      }
    }
  };
  // A fresh copy of an object met for the first time, its leaves noted under this line.
  const merge2 = (value: Json, path: string, line: number): Json => {
    const copy: Json = {};
    merge(copy, value, path, line);
    return copy;
  };
  for (const { line, record: row } of lines) {
    const { [list]: item, ...order } = row;
    merge(record, order, '', line);
    if (isObject(item) && Object.keys(item).length > 0) {
      items.push(item);
      itemLines.push(line);
    }
  }
  record[list] = items;
  return { record, itemLines, fieldLines, disagreements };
}

/** A value as a problem names it: "Fitzroy", 29.95. */
export function shownValue(value: unknown): string {
  if (value instanceof ExactNumber) return value.digits;
  return JSON.stringify(value) ?? String(value);
}
