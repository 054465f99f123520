/**
 * Numbers Excel wrote in place of what the cell held. A date column formatted "General" saves
 * each date as its serial day number (31110 for 4 March 1985), which Lexer's validator would read
 * as seconds since 1970 (1970-01-01); and an id or phone number of more than 11 digits is saved in
 * scientific notation with six significant digits (6.14916E+10), its other digits lost for good.
 */

// 10000 (1927-05-18) to 99999 (2173-10-14): a serial day of a birthday or an order. A number of
// 9 to 11 digits is Unix seconds; fewer than 5 digits is no date anyone exports.
const SERIAL_DATE = /^\d{5}$/;
// The same with a fraction of a day: a date and time saved as a number (45351.4166667).
const SERIAL_DATE_TIME = /^\d{5}(?:\.\d+)?$/;
// Excel's 1900 date system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, has a 29 February
// 1900 as day 60. From day 61 on, counting from 1899-12-30 gives the right date; every 5-digit
// serial is past day 60.
const DAY_ZERO = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The ISO date of a 5-digit Excel serial day ('31110' -> '1985-03-04'), or null for other text. */
export function excelSerialDate(text: string): string | null {
  if (!SERIAL_DATE.test(text)) return null;
  const d = new Date(DAY_ZERO + Number(text) * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The ISO date-time (no zone, as Excel has none) of a 5-digit serial with an optional fraction of
 * a day ('45351.4166666667' -> '2024-02-29T10:00:00'), to the second; null for other text.
 */
export function excelSerialDateTime(text: string): string | null {
  if (!SERIAL_DATE_TIME.test(text)) return null;
  const d = new Date(DAY_ZERO + Math.round(Number(text) * 86_400) * 1000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

// 6.14916E+10, 6.1E+12, 6E+10: what Excel's "General" format writes for a long number.
const SCIENTIFIC = /^[+-]?\d(?:\.\d+)?[eE]\+\d{1,3}$/;

/** Whether a cell is a number in scientific notation (an id or phone number Excel rounded). */
export function isScientific(raw: string): boolean {
  const text = raw.trim();
  return text.length <= 24 && SCIENTIFIC.test(text);
}

/** Why a number in scientific notation is not the value, for the messages. */
export const ROUNDED = '(scientific notation keeps only the first digits; the rest are lost)';

/** What to do about a number Excel rounded. */
export const EXPORT_AS_TEXT = 'export the column as text: in Excel, format it as Text (or as Number with 0 decimal places) before saving as CSV, '
  + 'or export it again from the system it came from';
