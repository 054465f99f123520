/**
 * pydantic v1's lax conversions: the vendor's validator accepts these values and converts them,
 * so we accept them too and say what Lexer will read (pydantic/validators.py: str_validator,
 * float_validator, int_validator, bool_validator).
 */
import { isNumericText } from '../common/formats.js';

// pydantic v1 BOOL_TRUE / BOOL_FALSE, compared after lower-casing a string.
const TRUE_TEXT = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_TEXT = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

function toType(type: string, value: unknown): { value: unknown } | null {
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
    default:
      return null;
  }
}

/** The value pydantic would convert `value` to for one of `types`, or null when it would refuse it. */
export function coerce(types: readonly string[], value: unknown): { value: unknown } | null {
  for (const type of types) {
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
