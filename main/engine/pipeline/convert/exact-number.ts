/**
 * Integers beyond 2^53 keep every digit: a JavaScript number would write
 * 12345678901234567890 as 12345678901234567000, and Lexer's Python reads JSON integers exactly.
 * Such a value travels as an {@link ExactNumber}; the check sees its nearest double, the
 * NDJSON gets the digits as read.
 */
export class ExactNumber {
  constructor(readonly digits: string) {}
}

const INTEGER = /^[+-]?\d+$/;

/** The JSON number for integer text: a plain number when exact, else an ExactNumber with the digits. */
export function exactInteger(text: string): number | ExactNumber {
  const n = Number(text);
  if (Number.isSafeInteger(n) || !INTEGER.test(text)) return n;
  return new ExactNumber(text.replace(/^\+/, '').replace(/^(-?)0+(?=\d)/, '$1'));
}

/** A number token as stream-json hands it over: exact digits where a double would lose some or overflow. */
export function exactNumberToken(text: string): number | ExactNumber {
  const n = Number(text);
  if (!Number.isFinite(n)) return new ExactNumber(text);
  return INTEGER.test(text) ? exactInteger(text) : n;
}

/** A copy of `value` with every ExactNumber as its nearest double (what the record check reads). */
export function approximated(value: unknown): unknown {
  if (value instanceof ExactNumber) return Number(value.digits);
  if (Array.isArray(value)) return value.map(approximated);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, approximated(v)]));
  }
  return value;
}

// A per-process marker no real text carries; JSON.stringify escapes its NULs as \u0000.
const NONCE = Math.random().toString(36).slice(2, 10);
const MARKER = new RegExp(`"\\\\u0000${NONCE}:(\\d+)\\\\u0000"`, 'g');

/** JSON text for `value`, each ExactNumber written as its digits. */
export function stringifyExact(value: unknown): string {
  const digits: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof ExactNumber)) return v;
    digits.push(v.digits);
    return `\u0000${NONCE}:${digits.length - 1}\u0000`;
  });
  return digits.length === 0 ? text : text.replace(MARKER, (_m, i: string) => digits[Number(i)] ?? 'null');
}

// A string, skipped whole, or an integer long enough that JSON.parse might round it.
const LONG_INTEGER = /"(?:[^"\\]|\\.)*"|-?\d{16,}(?![\d.eE])/g;
const PLACEHOLDER = new RegExp(`^\u0000${NONCE}:(\\d+)$`);

/**
 * JSON.parse keeping every digit of integers past 2^53 (as {@link ExactNumber}s), for a record
 * that is written again after a change: its other values must come out as they went in.
 */
export function parseExact(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  const digits: string[] = [];
  const marked = text.replace(LONG_INTEGER, (m) => (m.charCodeAt(0) === 34 ? m : `"\\u0000${NONCE}:${digits.push(m) - 1}"`));
  const revive = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const hit = PLACEHOLDER.exec(value);
      return hit ? exactInteger(digits[Number(hit[1])] ?? '0') : value;
    }
    if (Array.isArray(value)) return value.map(revive);
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = revive(v);
    }
    return value;
  };
  return revive(JSON.parse(marked));
}
