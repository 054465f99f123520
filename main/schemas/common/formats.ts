/**
 * The value formats as the vendor's validator reads them. Lexer validates with pydantic v1
 * models (lexerdev/lexer-schemas, lexer_schemas/*.py), so these follow pydantic's parsers,
 * not JSON Schema's stricter RFC 3339 reading.
 */
import type { Ajv } from 'ajv';

export const DATE_FORMAT = 'lexer-date';
export const DATE_TIME_FORMAT = 'lexer-date-time';
export const EMAIL_FORMAT = 'lexer-email';
export const HTTP_URL_FORMAT = 'lexer-http-url';

// pydantic v1 `date_re`: the month and day may have one digit; nothing may follow.
const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// pydantic v1 `datetime_re`: a time is required (a bare date is not a datetime), the zone is optional.
const DATE_TIME_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,6}\d{0,6})?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?$/;
// pydantic v1 tries float(value) first, so a numeric string is a Unix timestamp.
const NUMERIC_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
// lexer_schemas/link.py EMAIL_REGEX (emailregex.com), with the class written so a `u` RegExp accepts it.
const EMAIL_RE = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9.-]+$/;
// pydantic v1 HttpUrl: http or https, a host with a dot (a TLD is required), at most 2083 characters.
const HTTP_URL_RE = /^https?:\/\/(?:[^\s/?#@]+@)?[^\s/?#@.]+(?:\.[^\s/?#@.]+)+(?::\d+)?(?:[/?#]\S*)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// A table, not `new Date()`: this runs for every date of every record.
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** Whether `value` is a date pydantic accepts: `YYYY-MM-DD` naming a real day. */
export function isLexerDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Whether `value` is a date-time pydantic accepts: ISO 8601 with a time (zone optional) or a numeric timestamp. */
export function isLexerDateTime(value: string): boolean {
  if (NUMERIC_RE.test(value)) return Number.isFinite(Number(value));
  const m = DATE_TIME_RE.exec(value);
  if (m === null || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return false;
  return Number(m[8] ?? 0) <= 23 && Number(m[9] ?? 0) <= 59;
}

/** Whether `value` matches the vendor's link email pattern. */
export function isLexerEmail(value: string): boolean {
  return EMAIL_RE.test(value);
}

/** Whether `value` is a web address pydantic's HttpUrl accepts. */
export function isHttpUrl(value: string): boolean {
  return value.length <= 2083 && HTTP_URL_RE.test(value);
}

/** Whether `value` is a plain decimal number written as text (what Python's float() reads). */
export function isNumericText(value: string): boolean {
  return NUMERIC_RE.test(value) && Number.isFinite(Number(value));
}

/** Registers the four Lexer formats on an ajv instance. */
export function addLexerFormats(ajv: Ajv): Ajv {
  ajv.addFormat(DATE_FORMAT, { type: 'string', validate: isLexerDate });
  ajv.addFormat(DATE_TIME_FORMAT, { type: 'string', validate: isLexerDateTime });
  ajv.addFormat(EMAIL_FORMAT, { type: 'string', validate: isLexerEmail });
  ajv.addFormat(HTTP_URL_FORMAT, { type: 'string', validate: isHttpUrl });
  return ajv;
}
