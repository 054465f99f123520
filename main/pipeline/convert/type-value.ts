import type { FieldKind } from '../../schemas/record-types.js';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+(?:\.0*)?$/;
// For inferred custom values: no leading zeros, so postcodes and ids like "0042" stay strings.
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const SLASH_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const SPACE_DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;
const UNIX_SECONDS = /^\d{9,11}(?:\.\d+)?$/;
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, '1': true, '0': false, y: true, n: false };

/**
 * Turns a CSV cell into the JSON value its field expects. A value that cannot be read as the
 * field's kind is returned unchanged, so the record check reports it with the text the user
 * typed. Dates and date-times are only rewritten when the reading is unambiguous:
 * '2024/03/06' -> '2024-03-06', '2024-03-06 10:00' -> '2024-03-06T10:00', 10 digits -> Unix
 * seconds (the vendor accepts a timestamp number); '06/03/2024' is left for the user to fix.
 * Arrays: a cell holding JSON array text ('["a","b"]') is parsed; otherwise items are split on '|'.
 */
export function typeValue(raw: string, kind: FieldKind | 'open', o: { enumValues?: readonly string[]; itemKind?: FieldKind }, infer: boolean): unknown {
  switch (kind) {
    case 'string':
      return raw;
    case 'open':
      return infer ? inferValue(raw) : raw;
    case 'email':
      return raw.trim();
    case 'number': {
      const text = raw.trim();
      return NUMBER.test(text) ? Number(text) : raw;
    }
    case 'integer': {
      const text = raw.trim();
      return INTEGER.test(text) ? Number(text) : raw;
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
      return typeArray(raw, o.itemKind, infer);
    case 'object':
      return parseJson(raw, '{') ?? raw;
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

function typeArray(raw: string, itemKind: FieldKind | undefined, infer: boolean): unknown {
  const parsed = parseJson(raw, '[');
  if (Array.isArray(parsed)) return parsed;
  const items = raw.split('|').map((item) => item.trim()).filter((item) => item !== '');
  return itemKind && itemKind !== 'object' && itemKind !== 'array' ? items.map((item) => typeValue(item, itemKind, {}, infer)) : items;
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
