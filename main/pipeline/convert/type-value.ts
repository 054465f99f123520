import type { FieldKind } from '../../schemas/field-types.js';
import { pythonStrip } from '../../schemas/common/python-text.js';
import { exactInteger, type ExactNumber } from './exact-number.js';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+(?:\.0*)?$/;
// 29,95 and 1.234,50: read only when the user says the file writes decimal commas.
const DECIMAL_COMMA = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;
// For inferred custom values: no leading zeros, so postcodes and ids like "0042" stay strings.
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const SLASH_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const SPACE_DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;
const UNIX_SECONDS = /^\d{9,11}(?:\.\d+)?$/;
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, '1': true, '0': false, y: true, n: false };

/** How a column's text is read, beyond its field's kind. */
export interface TypingOptions {
  enumValues?: readonly string[];
  itemKind?: FieldKind;
  /** Numbers are written with a decimal comma (29,95), as the user said with --decimal-comma. */
  decimalComma?: boolean;
}

/**
 * Turns a CSV cell into the JSON value its field expects. A value that cannot be read as the
 * field's kind is returned unchanged, so the record check reports it with the text the user
 * typed. Dates and date-times are only rewritten when the reading is unambiguous:
 * '2024/03/06' -> '2024-03-06', '2024-03-06 10:00' -> '2024-03-06T10:00', 9 to 11 digits -> Unix
 * seconds (the vendor accepts a timestamp number); '06/03/2024' is left for the user to fix.
 * Integers past 2^53 keep their digits (ExactNumber). Arrays: a cell holding JSON array text
 * ('["a","b"]') is parsed, a cell holding one JSON object is left an object (so the check can
 * say a list is due); otherwise items are split on '|'.
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
      if (!NUMBER.test(text)) return raw;
      return /^[+-]?\d+$/.test(text) ? exactInteger(text) : Number(text);
    }
    case 'integer': {
      const text = numberText(raw, o.decimalComma);
      if (!INTEGER.test(text)) return raw;
      return exactInteger(text.replace(/\.0*$/, ''));
    }
    case 'boolean': {
      const value = BOOLEANS[raw.trim().toLowerCase()];
      return value ?? raw;
    }
    case 'date': {
      const text = raw.trim();
      const slash = SLASH_DATE.exec(text);
      return slash ? `${slash[1]}-${slash[2]}-${slash[3]}` : text;
    }
    case 'date-time': {
      const text = raw.trim();
      if (UNIX_SECONDS.test(text)) return Number(text);
      const spaced = SPACE_DATE_TIME.exec(text);
      return spaced ? `${spaced[1]}T${spaced[2]}` : text;
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

/** The number's text, with a decimal comma turned into a point when the user asked for it. */
function numberText(raw: string, decimalComma: boolean | undefined): string {
  const text = raw.trim();
  return decimalComma && DECIMAL_COMMA.test(text) ? text.replace(/\./g, '').replace(',', '.') : text;
}

function typeArray(raw: string, o: TypingOptions, infer: boolean): unknown {
  const parsed = parseJson(raw, '[');
  if (Array.isArray(parsed)) return parsed;
  const object = parseJson(raw, '{');
  if (object !== undefined) return object;
  const items = raw.split('|').map((item) => item.trim()).filter((item) => item !== '');
  const itemKind = o.itemKind;
  return itemKind && itemKind !== 'object' && itemKind !== 'array' ? items.map((item) => typeValue(item, itemKind, { decimalComma: o.decimalComma }, infer)) : items;
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
