/**
 * Python's notion of white space, for the places where the vendor's validators call
 * `str.strip()` (emails, URLs). JavaScript's trim() differs: it strips U+FEFF, which Python
 * keeps, and keeps U+001C-U+001F and U+0085, which Python strips (str.isspace()).
 */
const SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const AROUND = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g');

/** `value.strip()` as Python does it. */
export function pythonStrip(value: string): string {
  // Most values start and end with a visible ASCII character: nothing to strip, no regex run.
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return value;
  return value.replace(AROUND, '');
}
