import {
  ALLOWED_CHAR, SEPARATED_DATE, VERSION_TOKEN, isDateToken, isRealDate, lastIndexWhere, splitExtension, tokenize,
} from './name-parts.js';

/** The outcome of checking a name: valid, or one plain sentence per broken rule. */
export interface FileNameCheck { valid: boolean; problems: string[] }

/** A well-formed stem: a descriptor ending in a letter or digit, then `-YYYYMMDD-vN`. */
const STRUCTURE = /^[A-Za-z0-9_-]*[A-Za-z0-9]-(\d{8})-[vV]\d+$/;

/**
 * Checks a file name against Lexer's rules (`{descriptor}-{date}-{version}.{ext}`).
 *
 * The name is a base name, not a path. See name-parts.ts for what counts as a date and a version.
 */
export function checkFileName(name: string): FileNameCheck {
  const problems: string[] = [];
  if (name.trim() === '') return { valid: false, problems: ['The name is empty.'] };
  const { stem, ext, known } = splitExtension(name);

  if (!known) {
    problems.push('The name does not end in .csv, .json or .ndjson (optionally followed by .gz, e.g. ".ndjson.gz").');
  } else if (ext !== ext.toLowerCase()) {
    problems.push(`The extension "${ext}" is not lower-case; names are case-sensitive, so use "${ext.toLowerCase()}".`);
  }

  const bad = [...new Set([...stem].filter((c) => !ALLOWED_CHAR.test(c)))];
  if (bad.length > 0) {
    problems.push(`The name has characters other than letters, digits, "-" and "_": ${bad.map((c) => JSON.stringify(c)).join(', ')}.`);
  }

  const separated = [...stem.matchAll(SEPARATED_DATE)].filter((m) => isRealDate(Number(m[2]), Number(m[3]), Number(m[4])));
  const tokens = tokenize(stem);
  const dateAt = lastIndexWhere(tokens, isDateToken);
  const versionAt = lastIndexWhere(tokens, (t) => VERSION_TOKEN.test(t));
  const first = separated[0];
  if (first) {
    const written = `${first[2]}-${first[3]}-${first[4]}`;
    problems.push(`The date "${written}" should be written YYYYMMDD ("${first[2]}${first[3]}${first[4]}"), since "-" separates the parts of the name.`);
  } else if (dateAt < 0) {
    const unreal = tokens.find((t) => /^(19|20)\d{6}$/.test(t.text));
    problems.push(unreal ? `"${unreal.text}" is not a real date; the name has no date (YYYYMMDD).` : 'The name has no date (YYYYMMDD).');
  }
  if (versionAt < 0) problems.push('The name has no version (v1).');

  if (!first && dateAt >= 0 && versionAt >= 0 && bad.length === 0 && !isDateToken(STRUCTURE.exec(stem)?.[1] ?? '')) {
    problems.push(tokens.length === 2
      ? 'The name has no descriptor before the date (e.g. "customers-20261126-v1.csv").'
      : 'The parts are not in the order {descriptor}-{date}-{version} joined by "-" (e.g. "customers-20261126-v1.csv").');
  }
  return { valid: problems.length === 0, problems };
}
