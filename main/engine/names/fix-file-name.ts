import { createRequire } from 'node:module';
import type * as Transliteration from 'transliteration';
import { checkFileName } from './check-file-name.js';
import {
  SEPARATED_DATE, VERSION_TOKEN, formatDate, isDateToken, isRealDate, lastIndexWhere, splitExtension, tokenize,
} from './name-parts.js';

// transliteration's tables cost ~40 ms and ~17 MB to load, and it leaves ASCII as it is: loaded
// (synchronously, so the fixer stays a plain function) only for a name with other characters.
const require = createRequire(import.meta.url);
let transliterate: typeof Transliteration.transliterate | null = null;

function toAscii(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text; // eslint-disable-line no-control-regex -- ASCII is the point
  transliterate ??= (require('transliteration') as typeof Transliteration).transliterate;
  return transliterate(text);
}

/** Descriptor used when nothing of the original name survives (e.g. "!!!.csv"). */
const FALLBACK_DESCRIPTOR = 'file';

/**
 * Makes a name that follows Lexer's rules, changing as little as possible.
 *
 * A valid name comes back unchanged. Otherwise: accents are transliterated (é -> e, ß -> ss),
 * other characters become `_`, runs of `-`/`_` collapse to one, separators are trimmed, case is
 * kept, the extension is lower-cased, `YYYY-MM-DD` becomes `YYYYMMDD`, and the parts are put in
 * the order `{descriptor}-{date}-{version}`, adding today's date and `v1` where missing (turn off
 * with `addDate: false` / `addVersion: false`). Idempotent. With the defaults the result passes
 * {@link checkFileName} whenever the extension is one Lexer takes (an unknown extension such as
 * `.txt` cannot be guessed, so it is kept, lower-cased).
 */
export function fixFileName(name: string, o: { addDate?: Date | false; addVersion?: boolean } = {}): string {
  if (checkFileName(name).valid) return name;
  const { stem: rawStem, ext: rawExt } = splitExtension(name.trim());
  const ext = rawExt.toLowerCase().replace(/[^a-z0-9.]+/g, '');
  const stem = sanitizeStem(rawStem);

  const tokens = tokenize(stem);
  const dateAt = lastIndexWhere(tokens, isDateToken);
  let versionAt = lastIndexWhere(tokens, (t) => VERSION_TOKEN.test(t));
  // `export-20250101-2` already carries a version, written without its `v`: keep its number.
  const last = tokens.length - 1;
  const bareVersion = versionAt < 0 && dateAt >= 0 && dateAt === last - 1 && /^\d{1,3}$/.test(tokens[last]?.text ?? '');
  if (bareVersion) versionAt = last;
  const date = dateAt >= 0 ? tokens[dateAt]?.text : o.addDate === false ? undefined : formatDate(o.addDate ?? new Date());
  const found = versionAt >= 0 ? tokens[versionAt]?.text : undefined;
  const version = found !== undefined ? (bareVersion ? `v${Number(found)}` : found) : o.addVersion === false ? undefined : 'v1';

  const rest = tokens.filter((_, i) => i !== dateAt && i !== versionAt);
  const descriptor = rest.map((t, i) => (i === 0 ? t.text : t.sepBefore + t.text)).join('') || FALLBACK_DESCRIPTOR;
  return [descriptor, date, version].filter((p) => p !== undefined).join('-') + ext;
}

/**
 * Turns any text into letters, digits and single `-`/`_` separators (no leading or trailing one).
 * Used for stems and for the dataset id in the default dataset file name.
 */
export function sanitizeStem(text: string): string {
  return toAscii(text)
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(SEPARATED_DATE, (whole, sep: string, y: string, m: string, d: string) =>
      isRealDate(Number(y), Number(m), Number(d)) ? `${sep}${y}${m}${d}` : whole)
    .replace(/[-_]{2,}/g, (run) => (run.includes('-') ? '-' : '_'))
    .replace(/^[-_]+|[-_]+$/g, '');
}

/**
 * The vendor uploader's default name for NDJSON loaded into a dataset:
 * `{dataset_id}_{record_type}_{unix_timestamp}.ndjson` (FILE_UPLOAD_API.md, "File names").
 *
 * The dataset id is cleaned with the same character rule as any name. This form has no
 * `-{date}-{version}`; it is the vendor's own default for automatic loads, so it is used as is.
 */
export function defaultDatasetFileName(datasetId: string, recordType: string, now: Date = new Date()): string {
  const id = sanitizeStem(datasetId) || 'dataset';
  return `${id}_${sanitizeStem(recordType)}_${Math.floor(now.getTime() / 1000)}.ndjson`;
}
