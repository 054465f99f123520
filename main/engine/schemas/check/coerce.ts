/**
 * pydantic v1's lax conversions: the vendor's validator accepts these values and converts them,
 * so we accept them too and say what Lexer will read (pydantic/v1/validators.py: str_validator
 * lines 60-72, float/int/bool validators, dict_validator lines 252-259; main.py
 * BaseModel.validate lines 733-742; datetime_parse.py parse_date lines 105-120).
 */
import { dateDigits, timestampDate } from '../common/dates.js';
import { DATE_FORMAT, isNumericText } from '../common/formats.js';
import { typesOf, type SchemaNode } from './field-kind.js';

// pydantic v1 BOOL_TRUE / BOOL_FALSE, compared after lower-casing a string.
const TRUE_TEXT = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_TEXT = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** A value pydantic converts: what it becomes, and how a warning names both sides. */
export interface Conversion {
  value: unknown;
  /** What the value is, in a warning: 'a string', 'a Unix timestamp'. */
  was?: string;
  /** What Lexer reads, in a warning: 'the number 4.5', 'the date 1985-03-11'. */
  as?: string;
}

/**
 * Python's dict(value), which pydantic calls for a dict or a model given something else: an
 * empty list or "" gives {} (PHP's json_encode writes [] for an empty map), a list of [key,
 * value] pairs gives those keys. Anything else is refused.
 */
function toDict(value: unknown): Conversion | null {
  if (value === '') return { value: {}, was: 'an empty string', as: '{} (no fields)' };
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return { value: {}, was: 'an empty list', as: '{} (no fields)' };
  const pairs: [string, unknown][] = [];
  for (const item of value) {
    if (!Array.isArray(item) || item.length !== 2) return null;
    const [key, inner] = item as [unknown, unknown];
    // Dict[str, Any] keys go through str_validator: text as it is, numbers as Python prints them.
    if (typeof key === 'string') pairs.push([key, inner]);
    else if (typeof key === 'number' && Number.isFinite(key)) pairs.push([String(key), inner]);
    else return null;
  }
  return { value: Object.fromEntries(pairs), was: 'a list of [key, value] pairs', as: 'an object' };
}

/** A number (or numeric text) where a date is due: the date pydantic reads it as, or null. */
function toDate(value: unknown): Conversion | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && isNumericText(value) ? Number(value) : null;
  if (number === null || !Number.isFinite(number) || dateDigits(value as string | number) !== null) return null;
  return { value: timestampDate(number), was: 'a Unix timestamp', as: `the date ${timestampDate(number)}` };
}

function toType(type: string, value: unknown): Conversion | null {
  switch (type) {
    case 'string':
      // str(1) == '1'; bool is an int in Python, so str(True) == 'True'.
      if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
      if (typeof value === 'boolean') return { value: value ? 'True' : 'False' };
      return null;
    case 'number':
      if (typeof value === 'string' && isNumericText(value)) return { value: Number(value) };
      if (typeof value === 'boolean') return { value: value ? 1 : 0 };
      return null;
    case 'integer':
      // int('5') works, int('5.0') does not; int(5.7) truncates to 5.
      if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return { value: Number.parseInt(value, 10) };
      if (typeof value === 'number' && Number.isFinite(value)) return { value: Math.trunc(value) };
      if (typeof value === 'boolean') return { value: value ? 1 : 0 };
      return null;
    case 'boolean':
      if (value === 0 || value === 1) return { value: value === 1 };
      if (typeof value === 'string' && TRUE_TEXT.has(value.toLowerCase())) return { value: true };
      if (typeof value === 'string' && FALSE_TEXT.has(value.toLowerCase())) return { value: false };
      return null;
    case 'object':
      return toDict(value);
    default:
      return null;
  }
}

/** The value pydantic would convert `value` to where `node` is due, or null when it would refuse it. */
export function coerce(node: SchemaNode, value: unknown): Conversion | null {
  if (node.format === DATE_FORMAT) return toDate(value);
  for (const type of typesOf(node)) {
    const result = toType(type, value);
    if (result) return result;
  }
  return null;
}

/** How a converted value reads in a warning ('the string "123"', 'the number 4.5', 'true'). */
export function describeConverted(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}
