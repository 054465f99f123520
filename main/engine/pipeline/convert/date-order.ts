/**
 * Dates written the way people write them: 25/03/1985 in Australia and the
 * UK, 03/25/1985 in the US, 1985/03/25 in year-first exports. Lexer's validator reads only ISO
 * dates (pydantic v1 date_re `\d{4}-\d{1,2}-\d{1,2}`), so these are rewritten as 1985-03-25 once
 * the order of day and month is known; a value whose reading depends on an order nobody gave is
 * never guessed.
 */

/** How a column writes its dates: day/month/year, month/day/year, or year/month/day. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

/** "day/month/year", as the mapping and messages say it. */
export function dateOrderWords(order: DateOrder): string {
  switch (order) {
    case 'dmy':
      return 'day/month/year';
    case 'mdy':
      return 'month/day/year';
    case 'ymd':
      return 'year/month/day';
    default: {
      const _exhaustive: never = order;
      return _exhaustive;
    }
  }
}

// 25/03/1985, 3.4.1985, 03-04-1985 (the separator used twice), a time after a space, a T or a comma.
const YEAR_LAST = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:[ T]|, ?)(.*))?$/;
// 1985/03/25, 1985.3.25; ISO 1985-03-25 too, which needs no order.
const YEAR_FIRST = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?:[ T](.*))?$/;
// 14:30, 2:30:15 PM, 14:30:00.123, 14:30+10:00, 2:30 p.m.
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** A date split into its parts, before the order of day and month is applied. */
export type DateShape =
  | { kind: 'year-last'; first: number; second: number; year: number; twoDigitYear: boolean; time: string | undefined }
  | { kind: 'year-first'; year: number; month: number; day: number; iso: boolean; time: string | undefined };

/**
 * The plain year-last date without a time ("25/03/1985", "4.3.1985"), read by character codes,
 * packed as first * 1e6 + second * 1e4 + year; -1 for any other text. A million-row file of such
 * dates spent a tenth of its conversion in the regular expression and the parts object.
 */
function plainYearLast(text: string): number {
  const n = text.length;
  if (n < 8 || n > 10) return -1;
  let i = 0;
  let first = 0;
  for (; i < 2 && isDigit(text.charCodeAt(i)); i++) first = first * 10 + text.charCodeAt(i) - 48;
  const sep = text.charCodeAt(i);
  if (i === 0 || (sep !== 47 && sep !== 46 && sep !== 45)) return -1;
  const secondAt = ++i;
  let second = 0;
  for (; i < secondAt + 2 && isDigit(text.charCodeAt(i)); i++) second = second * 10 + text.charCodeAt(i) - 48;
  if (i === secondAt || text.charCodeAt(i) !== sep || n - i - 1 !== 4) return -1;
  let year = 0;
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    year = year * 10 + c - 48;
  }
  return first * 1e6 + second * 1e4 + year;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The parts of a value written as a date with the year last or first, or null for anything else. */
export function dateShape(text: string): DateShape | null {
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return null;
  const plain = plainYearLast(text);
  if (plain !== -1) {
    return { kind: 'year-last', first: Math.floor(plain / 1e6), second: Math.floor(plain / 1e4) % 100, year: plain % 1e4, twoDigitYear: false, time: undefined };
  }
  const last = YEAR_LAST.exec(text);
  if (last) {
    return { kind: 'year-last', first: Number(last[1]), second: Number(last[3]), year: Number(last[4]), twoDigitYear: (last[4] ?? '').length === 2, time: last[5] };
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    return { kind: 'year-first', year: Number(yearFirst[1]), month: Number(yearFirst[3]), day: Number(yearFirst[4]), iso: yearFirst[2] === '-', time: yearFirst[5] };
  }
  return null;
}

/**
 * What one value says about its column's order: 'dmy' when its first part is over 12 (a day),
 * 'mdy' when its second part is, 'either' when both are 12 or under, 'ymd' when the year comes
 * first (not ISO: ISO needs no order), null when it is no date of these shapes or no real date.
 */
export function dateEvidence(text: string): DateOrder | 'either' | null {
  const shape = dateShape(text.trim());
  if (!shape) return null;
  if (shape.kind === 'year-first') return shape.iso ? null : 'ymd';
  const { first, second } = shape;
  if (first < 1 || second < 1) return null;
  if (first > 12 && second <= 12) return first <= 31 ? 'dmy' : null;
  if (second > 12 && first <= 12) return second <= 31 ? 'mdy' : null;
  return first <= 12 && second <= 12 ? 'either' : null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why year, month and day are no date ("there is no month 25"), or null when they are one. */
function impossible(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1) return `there is no day ${day}`;
  const days = daysIn(year, month);
  if (day <= days) return null;
  return month === 2 && day === 29 ? `${year} is not a leap year` : `${MONTHS[month - 1]} has ${days} days`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** '00' to '31', for months and days. */
const TWO: readonly string[] = Array.from({ length: 32 }, (_, i) => pad(i));

/** A reading of a date value: the ISO text, or why it cannot be read in the column's order. */
export type DateReading =
  | { ok: true; value: string }
  | {
    ok: false; rule: string; message: string;
    /** The value is no date in the column's order but is one in another: the column mixes orders. */
    conflict: boolean;
  };

/** How a column's order was set: by the person (CLI option, the mapping's choice) or detected from its first rows. */
export type DateOrderSource = 'chosen' | 'detected';

/**
 * Reads a date or date-time written with the year last or first (see dateShape) in the column's
 * order, as ISO: "25/03/1985" -> "1985-03-25", "25/03/2024 2:30 PM" -> "2024-03-25T14:30:00".
 * Returns null for values of other shapes (ISO, timestamps, text), which are typed as before.
 * `order` undefined: the column's first rows gave no date of this shape, so the order is unknown.
 */
export function readDate(raw: string, order: DateOrder | undefined, kind: 'date' | 'date-time'): DateReading | null {
  const text = raw.trim();
  // The common case first, without the parts object: a plain date in a known day/month order.
  const plain = kind === 'date' && (order === 'dmy' || order === 'mdy') ? plainYearLast(text) : -1;
  if (plain !== -1) {
    const a = Math.floor(plain / 1e6);
    const b = Math.floor(plain / 1e4) % 100;
    const year = plain % 1e4;
    const day = order === 'dmy' ? a : b;
    const month = order === 'dmy' ? b : a;
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) return { ok: true, value: `${pad(year, 4)}-${TWO[month]}-${TWO[day]}` };
  }
  const shape = dateShape(text);
  if (!shape || (shape.kind === 'year-first' && shape.iso && shape.time === undefined)) return null;
  if (shape.kind === 'year-first' && shape.iso) {
    // ISO with a time: pydantic reads it as it is; only a date field needs the midnight dropped.
    if (kind === 'date-time') return null;
  }
  let year: number;
  let month: number;
  let day: number;
  let conflict = false;
  let words = 'year/month/day';
  if (shape.kind === 'year-first') {
    ({ year, month, day } = shape);
  } else {
    if (shape.twoDigitYear) {
      return { ok: false, rule: 'two-digit year', message: `"${text}" has a two-digit year, which could be 19${pad(shape.year)} or 20${pad(shape.year)}: write the year in full`, conflict: false };
    }
    if (order === undefined) {
      // A value no order reads (13/13/1990) is simply not a date: the row is refused, as it would be in a known order.
      const dmy = impossible(shape.year, shape.second, shape.first);
      if (dmy !== null && impossible(shape.year, shape.first, shape.second) !== null) {
        return { ok: false, rule: 'not a date', message: `"${text}" is not a date in either order of day and month (as day/month/year, ${dmy})`, conflict: false };
      }
      return {
        ok: false, rule: 'date order not known',
        message: `"${text}" could be day/month/year or month/day/year, and the column's first rows did not say which: choose the order (--date-order dmy or mdy)`,
        conflict: true,
      };
    }
    if (order === 'ymd') {
      return { ok: false, rule: 'not a year/month/day date', message: `"${text}" is not written year/month/day, the order this column is read in`, conflict: true };
    }
    words = dateOrderWords(order);
    year = shape.year;
    [day, month] = order === 'dmy' ? [shape.first, shape.second] : [shape.second, shape.first];
    const other = order === 'dmy' ? impossible(year, shape.first, shape.second) : impossible(year, shape.second, shape.first);
    conflict = other === null;
  }
  const why = impossible(year, month, day);
  if (why !== null) {
    return { ok: false, rule: `not a ${words} date`, message: `"${text}" is not a ${words} date (${why})`, conflict };
  }
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (shape.time === undefined || shape.time.trim() === '') {
    // Lexer's datetime needs a time of day (pydantic v1 parse_datetime); midnight is not assumed for the person.
    if (kind === 'date-time') return { ok: false, rule: 'not a date-time', message: `"${text}" is a date without a time of day, and this field needs both (e.g. "${text} 00:00")`, conflict: false };
    return { ok: true, value: date };
  }
  const time = readTime(shape.time.trim());
  if (time === null) {
    return { ok: false, rule: 'not a time', message: `"${text}" has a time Lexer cannot read ("${shape.time.trim()}"): write it like 14:30 or 14:30:00`, conflict: false };
  }
  if (kind === 'date') {
    if (/^00:00:00(?:\.0+)?$/.test(time.clock) && time.zone === '') return { ok: true, value: date };
    return { ok: false, rule: 'a time in a date', message: `"${text}" has a time of day, but this field takes a date only (write ${date})`, conflict: false };
  }
  return { ok: true, value: `${date}T${time.clock}${time.zone}` };
}

/** "2:30 PM" -> 14:30:00; null when it is no time of day. */
function readTime(text: string): { clock: string; zone: string } | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  const half = m[5]?.toLowerCase();
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[4] === undefined ? '' : `.${m[4].slice(0, 6)}`;
  return { clock: `${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}`, zone: m[6] ?? '' };
}
