/**
 * Numbers where a date is due. pydantic v1 reads any number (or numeric text) as a Unix
 * timestamp, in seconds or, above 2e10, in milliseconds (pydantic/v1/datetime_parse.py,
 * get_numeric and from_unix_seconds, lines 57-86; parse_date, lines 105-120).
 */

// datetime_parse.py MS_WATERSHED and MAX_NUMBER.
const MS_WATERSHED = 2e10;
const MAX_NUMBER = 3e20;
const DIGITS = /^\s*\+?(\d{4})(\d{2})?(\d{2})?(?:\.0*)?\s*$/;

/** The UTC instant pydantic reads a timestamp as (years beyond 9999 clamp, as datetime.max does). */
export function fromUnixSeconds(seconds: number): Date {
  if (seconds > MAX_NUMBER) return new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
  // datetime.min, 0001-01-01: Date.UTC reads years 0 to 99 as 1900 to 1999, so the year is set apart.
  if (seconds < -MAX_NUMBER) return new Date(new Date(0).setUTCFullYear(1, 0, 1));
  let s = seconds;
  while (Math.abs(s) > MS_WATERSHED) s /= 1000;
  return new Date(s * 1000);
}

/** The date (YYYY-MM-DD, UTC) pydantic reads a timestamp as. */
export function timestampDate(seconds: number): string {
  const d = fromUnixSeconds(seconds);
  const year = d.getUTCFullYear();
  const y = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The date a number's digits spell when it looks like a date written without separators
 * ("19850304" -> "1985-03-04", a bare year "1985" -> "1985"), or null. pydantic would read such
 * a value as seconds since 1970 (1970-08-18, or 33 minutes past midnight on 1970-01-01), which is
 * never what the person meant, so these are refused with an explanation rather than converted.
 * Midnight timestamps never spell a date: no multiple of 86,400 in 1970 has a month 01-12.
 */
export function dateDigits(value: string | number): string | null {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : '') : value;
  const m = DIGITS.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1800 || year > 2199) return null;
  if (m[2] === undefined) return m[3] === undefined ? String(year) : null;
  if (m[3] === undefined) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
