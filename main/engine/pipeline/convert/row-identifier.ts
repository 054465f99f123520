/** Which customer a failed CSV row is about: its link value. */
import { LINK_VALUE_KEYS, shownIdentifier } from '../validation/record-identifier.js';
import type { ColumnTarget } from './column-plan.js';

/** The columns that fill a link value, most telling first (LINK_VALUE_KEYS). */
export function identifierColumns(plan: readonly ColumnTarget[]): number[] {
  const links = plan.filter((t) => t.parents.length === 1 && t.parents[0] === 'link' && LINK_VALUE_KEYS.includes(t.key));
  return links.sort((a, b) => LINK_VALUE_KEYS.indexOf(a.key) - LINK_VALUE_KEYS.indexOf(b.key)).map((t) => t.column);
}

/** A row's link value as written in the file, or undefined when no link column has one. */
export function identifierOf(cells: readonly string[], columns: readonly number[]): string | undefined {
  for (const column of columns) {
    const cell = cells[column];
    const shown = cell === undefined ? undefined : shownIdentifier(cell);
    if (shown) return shown;
  }
  return undefined;
}
