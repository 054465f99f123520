/**
 * The order of day and month in a column's dates, from the rows at the head of the file:
 * a first part over 12 is a day (25/03/1985, day first), a second part over 12 is a day
 * (03/25/1985, month first). A column whose dates are all 12/12 or under cannot tell; one with
 * both kinds mixes orders. Only the head is read, so a 5 GB file is not read twice; conversion
 * checks every later value against the order chosen here (convert/date-order.ts).
 */
import { dateEvidence, type DateOrder } from '../convert/date-order.js';
import type { NumberedRow } from './preview-types.js';

/** What a column's first dates say about their order. */
export interface DateColumnFinding {
  column: number;
  header: string;
  /**
   * 'decided': `order` is read from the values; 'ambiguous': every date could be either order;
   * 'mixed': some dates are day first and others month first.
   */
  state: 'decided' | 'ambiguous' | 'mixed';
  /** dmy or mdy from a deciding value; ymd when every date is written year first; null unless decided. */
  order: DateOrder | null;
  /** A value that shows the order (decided), one that could be either (ambiguous), or a day-first one (mixed). */
  example: { value: string; line: number };
  /** For 'mixed': a month-first value. */
  counter?: { value: string; line: number };
  /** Rows whose value was a date of these shapes. */
  dates: number;
}

/**
 * Finds the order of each column in `columns` (all columns when omitted) that holds dates
 * written with slashes or dots (or dashes with the year last); columns without such dates are
 * left out. ISO dates (1985-03-25) need no order and are not counted.
 */
export function detectDateOrders(headers: readonly string[], rows: readonly NumberedRow[], columns?: readonly number[]): DateColumnFinding[] {
  const found: DateColumnFinding[] = [];
  for (const column of columns ?? headers.map((_, i) => i)) {
    let dmy: { value: string; line: number } | undefined;
    let mdy: { value: string; line: number } | undefined;
    let either: { value: string; line: number } | undefined;
    let yearFirst: { value: string; line: number } | undefined;
    let dates = 0;
    for (const row of rows) {
      const cell = row.cells[column];
      if (cell === undefined || cell === '') continue;
      const evidence = dateEvidence(cell);
      if (evidence === null) continue;
      dates++;
      const seen = { value: cell.trim(), line: row.line };
      if (evidence === 'dmy') dmy ??= seen;
      else if (evidence === 'mdy') mdy ??= seen;
      else if (evidence === 'either') either ??= seen;
      else yearFirst ??= seen;
      if (dmy && mdy) break;
    }
    if (dates === 0) continue;
    const header = headers[column] ?? '';
    if (dmy && mdy) found.push({ column, header, state: 'mixed', order: null, example: dmy, counter: mdy, dates });
    else if (dmy || mdy) found.push({ column, header, state: 'decided', order: dmy ? 'dmy' : 'mdy', example: (dmy ?? mdy) as { value: string; line: number }, dates });
    else if (either) found.push({ column, header, state: 'ambiguous', order: null, example: either, dates });
    else if (yearFirst) found.push({ column, header, state: 'decided', order: 'ymd', example: yearFirst, dates });
  }
  return found;
}
