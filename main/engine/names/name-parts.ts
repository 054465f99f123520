/**
 * Shared pieces of Lexer's file-name rules (FILE_UPLOAD_API.md, "File names"):
 * `{descriptor}-{date}-{version}.{ext}`, case-sensitive, only letters, digits, `-` and `_`.
 *
 * What this project counts as each part (the vendor names the parts but not their format):
 * - date: 8 digits `YYYYMMDD` that form a real calendar date between 1900 and 2099. `YYYY-MM-DD`
 *   is not accepted because `-` already separates the parts of the name; the fixer compacts it.
 * - version: `v` (or `V`) followed by digits, e.g. `v1`, `v12`.
 * - extension: `.csv`, `.json` or `.ndjson`, optionally followed by `.gz`, in lower case.
 */

/** Extensions Lexer takes: CSV, JSON, NDJSON, each optionally gzipped. */
export const EXTENSION_PATTERN = /\.(csv|json|ndjson)(\.gz)?$/i;
/** Characters the vendor allows in a name (the dot before the extension aside). */
export const ALLOWED_CHAR = /[A-Za-z0-9_-]/;
export const VERSION_TOKEN = /^[vV]\d+$/;
/** `YYYY-MM-DD` or `YYYY_MM_DD` as whole tokens of a stem; the fixer rewrites it as `YYYYMMDD`. */
export const SEPARATED_DATE = /(^|[-_])((?:19|20)\d{2})[-_](\d{2})[-_](\d{2})(?=$|[-_])/g;

/** Splits a name into its stem and extension (a known one, else the last `.xxx`, else ''). */
export function splitExtension(name: string): { stem: string; ext: string; known: boolean } {
  const known = EXTENSION_PATTERN.exec(name);
  if (known) return { stem: name.slice(0, known.index), ext: known[0], known: true };
  const dot = name.lastIndexOf('.');
  if (dot > 0 && dot < name.length - 1) return { stem: name.slice(0, dot), ext: name.slice(dot), known: false };
  return { stem: name, ext: '', known: false };
}

/** Whether `token` is `YYYYMMDD` naming a real day in 1900-2099. */
export function isDateToken(token: string): boolean {
  const m = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(token);
  if (!m) return false;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Whether year/month/day is a real calendar day (no 20260231). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A stem's tokens between `-`/`_` separators, each with the separator written before it. */
export interface StemToken { text: string; sepBefore: string }

/** Cuts a stem into tokens at runs of `-`/`_`. */
export function tokenize(stem: string): StemToken[] {
  const tokens: StemToken[] = [];
  const re = /([-_]*)([^-_]+)/g;
  for (let m = re.exec(stem); m; m = re.exec(stem)) tokens.push({ sepBefore: m[1] ?? '', text: m[2] ?? '' });
  return tokens;
}

/** Index of the last token matching `test`, or -1. */
export function lastIndexWhere(tokens: readonly StemToken[], test: (t: string) => boolean): number {
  for (let i = tokens.length - 1; i >= 0; i--) if (test(tokens[i]?.text ?? '')) return i;
  return -1;
}

/** A date as `YYYYMMDD` in the local calendar (the user's "today"). */
export function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}
