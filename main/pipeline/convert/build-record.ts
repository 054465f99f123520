import type { ColumnTarget } from './column-plan.js';
import { ExactNumber } from './exact-number.js';
import { typeValue } from './type-value.js';

type Json = Record<string, unknown>;

/** How cells are typed; `exact` is set (never reset) when a record holds an integer past 2^53. */
export interface BuildOptions {
  infer: boolean;
  decimalComma: boolean;
  exact: boolean;
}

/**
 * Builds one record from a row of cells: empty cells are left out (never "" or null), dotted
 * targets nest whatever the column order, so link.customer_id in column 1 and link.system_name in
 * column 9 land in one `link` object (the vendor's converter loses one of them). Sets `o.exact`
 * when the record holds an {@link ExactNumber}, so the rare such row alone pays for it.
 */
export function buildRecord(cells: readonly string[], plan: readonly ColumnTarget[], o: BuildOptions): Json {
  const record: Json = {};
  for (const target of plan) {
    const raw = cells[target.column];
    if (raw === undefined || raw === '' || isBlank(raw)) continue;
    let parent = record;
    for (const segment of target.parents) {
      const next = parent[segment];
      if (next === undefined) {
        const created: Json = {};
        parent[segment] = created;
        parent = created;
      } else {
        parent = next as Json;
      }
    }
    if (target.kind === 'string') {
      parent[target.key] = raw;
      continue;
    }
    const value = typeValue(raw, target.kind, { enumValues: target.enumValues, itemKind: target.itemKind, decimalComma: o.decimalComma }, o.infer);
    if (value instanceof ExactNumber || (Array.isArray(value) && value.some((item) => item instanceof ExactNumber))) o.exact = true;
    parent[target.key] = value;
  }
  return record;
}

/** Whether a cell holds only spaces or tabs (counts as empty); quick exit on the usual non-blank cell. */
function isBlank(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first !== 32 && first !== 9) return false;
  return raw.trim() === '';
}
