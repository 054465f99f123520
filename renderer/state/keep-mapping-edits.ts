/**
 * "One record per" changes which fields a CSV's columns can fill (an order's line items), so the
 * mapping is suggested again for the new choice. What the person chose by hand stays: a column
 * they mapped, left out or typed a path for, a value they added or removed, a date order.
 */
import type { ColumnMapping } from '../../main/contract/jobs.js';

/**
 * The new suggestion `next`, with each choice in `current` that differs from `before` (the
 * suggestion `current` started from) kept, as long as `fits` says its field still exists with the
 * new grouping (a line item's field does not without one).
 */
export function keepMappingEdits(current: ColumnMapping, before: ColumnMapping, next: ColumnMapping, fits: (path: string) => boolean): ColumnMapping {
  const columns: Record<string, string | null> = { ...next.columns };
  for (const [header, path] of Object.entries(current.columns)) {
    const edited = path !== (before.columns[header] ?? null);
    if (edited && (path === null || path === '' || fits(path))) columns[header] = path;
  }
  const constants: Record<string, string> = { ...next.constants };
  const had = before.constants ?? {};
  const has = current.constants ?? {};
  for (const path of Object.keys(had)) if (!(path in has)) delete constants[path];
  for (const [path, value] of Object.entries(has)) if (had[path] !== value && fits(path)) constants[path] = value;
  const { groupBy } = next;
  return {
    columns,
    unknownColumns: current.unknownColumns,
    inferCustomTypes: current.inferCustomTypes,
    ...(current.dateOrders ? { dateOrders: current.dateOrders } : {}),
    ...(groupBy !== undefined ? { groupBy } : {}),
    ...(Object.keys(constants).length > 0 ? { constants } : {}),
  };
}
