/**
 * The order of day and month for each date and date-time column of a conversion:
 * the person's choice where they made one (`--date-order`, the mapping's choice beside the
 * column), else detected from the rows at the head of the file. A column whose first rows cannot
 * tell, or mix orders, stops the conversion before anything is written; a later date that
 * contradicts a detected order stops it too (dateConflictError), never a silent guess.
 */
import Papa from 'papaparse';
import { LexerError } from '../../errors.js';
import { RowLines } from '../csv/detect-dialect.js';
import { detectDateOrders } from '../csv/detect-date-orders.js';
import { cleanHeader, columnLetter } from '../csv/header-names.js';
import type { NumberedRow } from '../csv/preview-types.js';
import { pathOf } from './build-notes.js';
import type { ColumnTarget } from './column-plan.js';
import { dateOrderWords, type DateOrder } from './date-order.js';
import type { DateConflict } from './process-csv-chunk.js';

/**
 * Bytes of rows read at the head of a CSV to detect date orders: over a thousand rows, read once.
 * 1 MiB raised a million-row conversion's peak RSS by 15-20 MB (the sample's parse garbage),
 * past the 200 MB target on the wide benchmark shape; later rows are still checked one by one.
 */
export const DATE_SAMPLE_BYTES = 256 * 1024;

/** What the person said: one order for every date column (CLI), or one per column header (the app). */
export interface DateOrderChoice {
  all?: DateOrder;
  byHeader?: Readonly<Record<string, DateOrder>>;
}

const isDateTarget = (t: ColumnTarget): boolean => t.kind === 'date' || t.kind === 'date-time';

/**
 * The cells of `columns` in the sample's rows, each row with the physical line it starts on.
 * Parsed a row at a time and only those cells kept: holding every cell of a megabyte of rows
 * raised a million-row conversion's peak RSS by 20-30 MB.
 */
export function sampleRows(text: string, delimiter: string, newline: '\r\n' | '\n' | '\r', columns: readonly number[], firstLine: number): NumberedRow[] {
  const body = text.endsWith(newline) ? text.slice(0, -newline.length) : text;
  const rows: NumberedRow[] = [];
  if (body === '') return rows;
  const lines = new RowLines(body, firstLine);
  Papa.parse<string[]>(body, {
    delimiter,
    newline,
    step(row) {
      const start = lines.startOf(row.meta.cursor);
      const cells: string[] = [];
      let any = false;
      for (const column of columns) {
        const cell = row.data[column];
        if (cell === undefined || cell === '') continue;
        cells[column] = cell;
        any = true;
      }
      if (any) rows.push({ line: start, cells });
    },
  });
  return rows;
}

/** Gives chosen orders to their columns; returns the date columns left for detection. */
export function applyChosenOrders(plan: ColumnTarget[], choice: DateOrderChoice): ColumnTarget[] {
  const left: ColumnTarget[] = [];
  for (const target of plan.filter(isDateTarget)) {
    const chosen = (choice.byHeader && Object.hasOwn(choice.byHeader, target.header) ? choice.byHeader[target.header] : undefined) ?? choice.all;
    if (chosen) {
      target.dateOrder = chosen;
      target.dateSource = 'chosen';
    } else {
      left.push(target);
    }
  }
  return left;
}

const HINT_CHOOSE = 'Say which order the file uses: --date-order dmy (day first, as Australia and the UK write dates) or --date-order mdy '
  + '(month first, as the US does); in the app, choose it beside the column in the mapping.';
const HINT_MIXED = 'Fix those dates in the file, or say which order to read (--date-order dmy or mdy; in the app, beside the column in the '
  + 'mapping): dates that do not fit it are then reported as invalid rows.';

/** 'column "Date of Birth" (date_of_birth)', or 'column "date_of_birth"' where the header is the field. */
function named(target: ColumnTarget): string {
  const path = pathOf(target);
  return cleanHeader(target.header) === path ? `column "${path}"` : `column "${target.header}" (${path})`;
}

/**
 * Detects the order of `targets` from the sample rows and sets it on each. Throws
 * `date-order-unknown` naming every column whose dates could be either order or mix both.
 */
export function detectOrders(targets: readonly ColumnTarget[], headers: readonly string[], sample: readonly NumberedRow[]): void {
  const findings = detectDateOrders(headers, sample, targets.map((t) => t.column));
  const unclear: string[] = [];
  let mixed: string | null = null;
  for (const finding of findings) {
    const target = targets.find((t) => t.column === finding.column);
    if (!target) continue;
    if (finding.state === 'decided' && finding.order) {
      target.dateOrder = finding.order;
      target.dateSource = 'detected';
    } else if (finding.state === 'mixed' && finding.counter) {
      mixed ??= `The ${named(target)} mixes orders of day and month: line ${finding.example.line} has "${finding.example.value}" (day first) and line ${finding.counter.line} has "${finding.counter.value}" (month first).`;
    } else {
      unclear.push(`${named(target)}: its first ${finding.dates.toLocaleString('en-US')} date${finding.dates === 1 ? '' : 's'}, like "${finding.example.value}" on line ${finding.example.line}, could be day/month/year or month/day/year`);
    }
  }
  if (mixed) throw new LexerError('date-order-unknown', mixed, { hint: HINT_MIXED });
  if (unclear.length > 0) {
    throw new LexerError('date-order-unknown', `Cannot tell the order of day and month in ${unclear.join('; in ')}.`, { hint: HINT_CHOOSE });
  }
}

/** The error that stops a conversion at a date its column's detected order cannot read. */
export function dateConflictError(conflict: DateConflict): LexerError {
  const letter = columnLetter(conflict.column);
  const where = cleanHeader(conflict.header) === conflict.field ? `Column ${letter}, "${conflict.field}",` : `Column ${letter}, "${conflict.header}" (${conflict.field}),`;
  const line = conflict.line;
  let message: string;
  if (conflict.order === null) {
    message = `${where} had no dates like "${conflict.value}" in its first rows, so the order of day and month was not known when line ${line} brought one.`;
  } else if (conflict.order === 'ymd') {
    message = `${where} was read as year/month/day from its first rows, but line ${line} has "${conflict.value}", written with the year last.`;
  } else {
    const other: DateOrder = conflict.order === 'dmy' ? 'mdy' : 'dmy';
    message = `${where} was read as ${dateOrderWords(conflict.order)} from its first rows, but line ${line} has "${conflict.value}", which is only a ${dateOrderWords(other)} date.`;
  }
  return new LexerError('date-order-unknown', `${message} No output was written: rows before it may have been read in the wrong order.`, {
    hint: conflict.order === null ? HINT_CHOOSE : HINT_MIXED,
  });
}
