import type { FieldKind } from '../../schemas/field-types.js';
import { pythonStrip } from '../../schemas/common/python-text.js';
import { readDate, type DateOrder } from './date-order.js';
import { exactInteger, type ExactNumber } from './exact-number.js';
import { excelSerialDate, excelSerialDateTime } from './excel-numbers.js';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+(?:\.0*)?$/;
// 29,95 and 1.234,50: read only when the user says the file writes decimal commas.
const DECIMAL_COMMA = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;
// For inferred custom values: no leading zeros, so postcodes and ids like "0042" stay strings.
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
// 2024-02-29 10:00:00, with its zone after it or after a space (Shopify's "2024-02-29 10:00:00 +1100").
const SPACE_DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?(Z|[+-]\d{2}:?\d{2})?$/;
// In a decimal-comma column a dot groups thousands, and only in this shape: 1.234, 1.234.567.
const THOUSANDS_DOT = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;
const UNIX_SECONDS = /^\d{9,11}(?:\.\d+)?$/;
// pydantic v1's BOOL_TRUE and BOOL_FALSE (validators.py), compared lower-cased, as Lexer reads them.
const BOOLEANS: Readonly<Record<string, boolean>> = {
  true: true, false: false, yes: true, no: false, '1': true, '0': false, y: true, n: false, on: true, off: false, t: true, f: false,
};

/** How a column's text is read, beyond its field's kind. */
export interface TypingOptions {
  enumValues?: readonly string[];
  itemKind?: FieldKind;
  /** Numbers are written with a decimal comma (29,95), as the user said with --decimal-comma. */
  decimalComma?: boolean;
  /** Dates and date-times written 25/03/1985 or 03/25/1985: the column's order, when known. */
  dateOrder?: DateOrder;
}

/**
 * A cell that cannot be typed as its field, with the reason in words the person can act on
 * (a date that is no day/month/year date). The record keeps the cell's text, so the field fails
 * its check; the caller reports this reason instead of the check's.
 */
export class TypingProblem {
  constructor(
    readonly raw: string,
    readonly rule: string,
    readonly message: string,
    /** The value fits another order of day and month than the column's: the column mixes orders. */
    readonly conflict: boolean,
  ) {}
}

/**
 * Turns a CSV cell into the JSON value its field expects. A value that cannot be read as the
 * field's kind is returned unchanged, so the record check reports it with the text the user
 * typed. Dates and date-times are rewritten as ISO: '2024/03/06' -> '2024-03-06', '2024-03-06
 * 10:00' -> '2024-03-06T10:00', 9 to 11 digits -> Unix seconds (the vendor accepts a timestamp
 * number), and '06/03/2024' in the column's order of day and month (date-order.ts); a date that
 * cannot be read in that order comes back as a {@link TypingProblem}. Integers past 2^53 keep
 * their digits (ExactNumber). Arrays: a cell holding JSON array text ('["a","b"]') is parsed, a
 * cell holding one JSON object is left an object (so the check can say a list is due); otherwise
 * items are split on '|', or on ',' when there is no '|' ("VIP, Newly Acquired").
 */
export function typeValue(raw: string, kind: FieldKind | 'open', o: TypingOptions, infer: boolean): unknown {
  switch (kind) {
    case 'string':
      return raw;
    case 'open':
      return infer ? inferValue(raw) : raw;
    case 'email':
      // The vendor's validators strip the email before checking it (lexer_schemas/link.py line 28).
      return pythonStrip(raw);
    case 'number': {
      const text = numberText(raw, o.decimalComma);
      if (text instanceof TypingProblem) return text;
      if (!NUMBER.test(text)) return raw;
      return /^[+-]?\d+$/.test(text) ? exactInteger(text) : Number(text);
    }
    case 'integer': {
      const text = numberText(raw, o.decimalComma);
      if (text instanceof TypingProblem) return text;
      if (!INTEGER.test(text)) return raw;
      return exactInteger(text.replace(/\.0*$/, ''));
    }
    case 'boolean': {
      const value = BOOLEANS[raw.trim().toLowerCase()];
      return value ?? raw;
    }
    case 'date': {
      const text = raw.trim();
      // The usual ISO date goes straight through (checked by character codes: a regex here was
      // measurable in a million-row conversion).
      if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) return text;
      // A date column formatted "General" in Excel: never left for Lexer to read as seconds since 1970.
      return excelSerialDate(text) ?? dateValue(text, 'date', o.dateOrder);
    }
    case 'date-time': {
      const text = raw.trim();
      if (UNIX_SECONDS.test(text)) return Number(text);
      const spaced = SPACE_DATE_TIME.exec(text);
      if (spaced) return `${spaced[1]}T${spaced[2]}${zone(spaced[3])}`;
      return excelSerialDateTime(text) ?? dateValue(text, 'date-time', o.dateOrder);
    }
    case 'enum': {
      const text = raw.trim();
      if (!o.enumValues || o.enumValues.includes(text)) return text;
      const same = o.enumValues.filter((v) => v.toLowerCase() === text.toLowerCase());
      return same.length === 1 ? same[0] : text;
    }
    case 'array':
      return typeArray(raw, o, infer);
    case 'object':
      return parseJson(raw, '{') ?? raw;
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

/** A date written with slashes or dots in the column's order, as ISO; other text as it is. */
function dateValue(text: string, kind: 'date' | 'date-time', order: DateOrder | undefined): unknown {
  const reading = readDate(text, order, kind);
  if (reading === null) return text;
  return reading.ok ? reading.value : new TypingProblem(text, reading.rule, reading.message, reading.conflict);
}

/** '+1100' -> '+11:00', as ISO 8601 and Lexer write a zone; '' when there is none. */
function zone(text: string | undefined): string {
  if (text === undefined || text === 'Z' || text.includes(':')) return text ?? '';
  return `${text.slice(0, 3)}:${text.slice(3)}`;
}

/**
 * The number's text, read as the file writes numbers. With a decimal comma (the user said so):
 * 29,95 and 1.234,50 have their comma as the point; 1.234 and 1.234.567 have dots that group
 * thousands (1234, 1234567); any other dot (12.5) could be either, so it is refused, not guessed.
 */
function numberText(raw: string, decimalComma: boolean | undefined): string | TypingProblem {
  const text = raw.trim();
  if (!decimalComma || (!text.includes('.') && !text.includes(','))) return text;
  if (DECIMAL_COMMA.test(text)) return text.replace(/\./g, '').replace(',', '.');
  if (THOUSANDS_DOT.test(text)) return text.replace(/\./g, '');
  if (!text.includes('.') || !NUMBER.test(text)) return text;
  return new TypingProblem(text, 'decimal point in a decimal-comma file', `"${text}" has a decimal point, but the file writes decimal commas (--decimal-comma), so it is not clear what it means: write it ${text.replace('.', ',')} if that is its value`, false);
}

function typeArray(raw: string, o: TypingOptions, infer: boolean): unknown {
  const parsed = parseJson(raw, '[');
  if (Array.isArray(parsed)) return parsed;
  const object = parseJson(raw, '{');
  if (object !== undefined) return object;
  const items = raw.split(raw.includes('|') ? '|' : ',').map((item) => item.trim()).filter((item) => item !== '');
  const itemKind = o.itemKind;
  if (!itemKind || itemKind === 'object' || itemKind === 'array') return items;
  const typed = items.map((item) => typeValue(item, itemKind, { decimalComma: o.decimalComma }, infer));
  return typed.find((item) => item instanceof TypingProblem) ?? typed;
}

function parseJson(raw: string, opener: '[' | '{'): unknown {
  const text = raw.trim();
  if (!text.startsWith(opener)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A custom value as a number or boolean when it plainly is one, else the text. */
export function inferValue(raw: string): unknown {
  // Past 15 digits a double loses precision: keep long ids as text.
  if (raw.length <= 15 && PLAIN_NUMBER.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'TRUE' || raw === 'True') return true;
  if (raw === 'false' || raw === 'FALSE' || raw === 'False') return false;
  return raw;
}

export type { ExactNumber };
