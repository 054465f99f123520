/**
 * Explains why data failed: applies pydantic's conversions (as warnings), then reports every
 * error that no conversion fixes, one per field. Works on a copy: the caller's record is never
 * changed.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RecordProblem } from '../field-types.js';
import { coerce, describeConverted, type Conversion } from './coerce.js';
import { describeError } from './describe-error.js';
import type { SchemaNode } from './field-kind.js';
import { jsonKind, pointerKeys, readablePath, setAtKeys, showValue } from './value-text.js';

// Each pass fixes every convertible value ajv reported; a converted value can then fail a
// format (e.g. a number turned into a string that is not an email), hence a few passes.
const MAX_PASSES = 4;

function conversionWarning(display: string, before: unknown, after: Conversion): string {
  // int(2.5) == 2 in pydantic v1: say the number loses its fraction rather than "is a number".
  const was = after.was ?? (typeof before === 'number' && typeof after.value === 'number' ? 'not a whole number' : jsonKind(before));
  return `${display}: ${showValue(before)} is ${was}; Lexer reads it as ${after.as ?? describeConverted(after.value)}`;
}

// A wrong type (1 where text is due) or, for dates, a format a conversion may fix (a timestamp).
const mayConvert = (error: ErrorObject): boolean => error.keyword === 'type' || (error.keyword === 'format' && error.params.format === 'lexer-date');

/** The problems worth reporting: one per field (ajv may report a type and an enum for one value). */
function problemsOf(errors: readonly ErrorObject[], data: unknown, prefix: string, originals: ReadonlyMap<string, unknown>): RecordProblem[] {
  const seen = new Set<string>();
  const problems: RecordProblem[] = [];
  for (const error of errors) {
    const problem = describeError(error, data, prefix, originals);
    const key = problem.message.slice(0, problem.message.indexOf(':') + 1) || problem.field;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Checks `data` (a private copy; it gets converted values) and returns its problems, or the warnings when there are none. */
export function detailedCheck(validate: ValidateFunction, data: unknown, prefix: string): { problems: RecordProblem[] } | { warnings: string[] } {
  const warnings: string[] = [];
  const originals = new Map<string, unknown>();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    if (validate(data)) return { warnings };
    const errors = validate.errors ?? [];
    let converted = false;
    for (const error of errors) {
      if (!mayConvert(error) || originals.has(error.instancePath)) continue;
      const result = coerce((error.parentSchema ?? {}) as SchemaNode, error.data);
      if (!result) continue;
      const keys = pointerKeys(error.instancePath);
      warnings.push(conversionWarning(readablePath(data, keys, prefix).display, error.data, result));
      originals.set(error.instancePath, error.data);
      setAtKeys(data, keys, result.value);
      converted = true;
    }
    if (!converted || pass === MAX_PASSES - 1) {
      const left = converted && validate(data) ? [] : (validate.errors ?? errors);
      if (left.length === 0) return { warnings };
      return { problems: problemsOf(left, data, prefix, originals) };
    }
  }
  return { warnings };
}
