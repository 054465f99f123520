/**
 * The value formats as the vendor's validator reads them. Lexer validates with pydantic v1
 * models (lexerdev/lexer-schemas, lexer_schemas/*.py, pydantic<=1.10.19), so these follow
 * pydantic's parsers (pydantic/v1/datetime_parse.py, networks.py), not JSON Schema's readings.
 */
import type { Ajv } from 'ajv';
import { dateDigits } from './dates.js';
import { httpUrlProblem } from './http-url.js';
import { pythonStrip } from './python-text.js';

export const DATE_FORMAT = 'lexer-date';
export const DATE_TIME_FORMAT = 'lexer-date-time';
export const EMAIL_FORMAT = 'lexer-email';
export const OPTIONAL_EMAIL_FORMAT = 'lexer-email-or-empty';
export const HTTP_URL_FORMAT = 'lexer-http-url';
/** A keyword for numbers where a date-time is due: a Unix timestamp, not digits of a date. */
export const TIMESTAMP_KEYWORD = 'lexerTimestamp';

// datetime_parse.py date_re: the month and day may have one digit; nothing may follow.
const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// datetime_parse.py datetime_re: a time is required (a bare date is not a datetime), the zone is optional.
const DATE_TIME_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,6}\d{0,6})?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?$/;
// datetime_parse.py get_numeric() tries float(value) first, so numeric text is a Unix timestamp.
const NUMERIC_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
// lexer_schemas/link.py EMAIL_REGEX (also marketing_api/email_event.py), written so a `u` RegExp accepts it.
const EMAIL_RE = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9.-]+$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// A table, not `new Date()`: this runs for every date of every record.
/** Whether year-month-day names a real day (Python's `date()` accepts years 1 to 9999). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

// Digits of a YYYY-MM-DD date as numbers, read by character code: this runs for every date of
// every record, and the regex's match array was a measurable share of a conversion's time.
const digitsAt = (v: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

/** Whether `value` is a date written as pydantic reads one: `YYYY-MM-DD` naming a real day. */
export function isLexerDate(value: string): boolean {
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digitsAt(value, 0, 4);
    const month = digitsAt(value, 5, 2);
    const day = digitsAt(value, 8, 2);
    return year >= 0 && month >= 0 && day >= 0 && isCalendarDate(year, month, day);
  }
  const m = DATE_RE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Whether `value` is a date-time pydantic accepts: ISO 8601 with a time (zone optional) or a
 * numeric timestamp, but not a date written as bare digits ("20230306" is no timestamp anyone meant).
 */
export function isLexerDateTime(value: string): boolean {
  if (NUMERIC_RE.test(value)) return Number.isFinite(Number(value)) && dateDigits(value) === null;
  const m = DATE_TIME_RE.exec(value);
  if (m === null || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return false;
  return Number(m[8] ?? 0) <= 23 && Number(m[9] ?? 0) <= 59;
}

/** Whether a number is a Unix timestamp Lexer reads as meant (finite, not a date written as digits). */
export function isTimestampNumber(value: number): boolean {
  return Number.isFinite(value) && dateDigits(value) === null;
}

/**
 * Whether `value` is an email the vendor accepts: its validators lower-case and strip the value
 * before matching EMAIL_REGEX (link.py EmailLink.validate_email, lines 26-31; email_event.py
 * EmailAddress.validate_email, lines 24-29), so " Jane@Example.com\t" is accepted.
 */
export function isLexerEmail(value: string): boolean {
  // The common case first: a value that matches as it is matches once stripped and lower-cased.
  return EMAIL_RE.test(value) || EMAIL_RE.test(pythonStrip(value).toLowerCase());
}

/**
 * customer_record's `email` attribute: its validator only checks a value that is truthy
 * (profile_api/customer_record.py validate_email, lines 85-91: `if v:`), so "" is no email at all.
 */
export function isOptionalLexerEmail(value: string): boolean {
  return value === '' || isLexerEmail(value);
}

/** Whether `value` is a web address pydantic's HttpUrl accepts. */
export function isHttpUrl(value: string): boolean {
  return httpUrlProblem(value) === null;
}

/** Whether `value` is a plain decimal number written as text (what Python's float() reads). */
export function isNumericText(value: string): boolean {
  return NUMERIC_RE.test(value) && Number.isFinite(Number(value));
}

/** Registers the Lexer formats and the timestamp keyword on an ajv instance. */
export function addLexerFormats(ajv: Ajv): Ajv {
  ajv.addFormat(DATE_FORMAT, { type: 'string', validate: isLexerDate });
  ajv.addFormat(DATE_TIME_FORMAT, { type: 'string', validate: isLexerDateTime });
  ajv.addFormat(EMAIL_FORMAT, { type: 'string', validate: isLexerEmail });
  ajv.addFormat(OPTIONAL_EMAIL_FORMAT, { type: 'string', validate: isOptionalLexerEmail });
  ajv.addFormat(HTTP_URL_FORMAT, { type: 'string', validate: isHttpUrl });
  ajv.addKeyword({
    keyword: TIMESTAMP_KEYWORD,
    type: 'number',
    schemaType: 'boolean',
    validate: (on: boolean, data: number) => !on || isTimestampNumber(data),
  });
  return ajv;
}
