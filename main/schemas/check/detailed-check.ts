/**
 * Explains why data failed: applies pydantic's conversions (as warnings), then reports the first
 * error that no conversion fixes. Works on a copy: the caller's record is never changed.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RecordProblem } from '../field-types.js';
import { coerce, describeConverted } from './coerce.js';
import { describeError } from './describe-error.js';
import { typesOf, type SchemaNode } from './field-kind.js';
import { jsonKind, pointerKeys, readablePath, setAtKeys, showValue } from './value-text.js';

// Each pass fixes every convertible value ajv reported; a converted value can then fail a
// format (e.g. a number turned into a string that is not an email), hence a few passes.
const MAX_PASSES = 4;

function conversionWarning(display: string, before: unknown, after: unknown): string {
  // int(2.5) == 2 in pydantic v1: say the number loses its fraction rather than "is a number".
  const what = typeof before === 'number' && typeof after === 'number' ? 'not a whole number' : jsonKind(before);
  return `${display}: ${showValue(before)} is ${what}; Lexer reads it as ${describeConverted(after)}`;
}

/** Checks `data` (a private copy; it gets converted values) and returns the problem or the warnings. */
export function detailedCheck(validate: ValidateFunction, data: unknown, prefix: string): { problem: RecordProblem } | { warnings: string[] } {
  const warnings: string[] = [];
  const originals = new Map<string, unknown>();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    if (validate(data)) return { warnings };
    let first: ErrorObject | undefined;
    let converted = false;
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'type' && !originals.has(error.instancePath)) {
        const result = coerce(typesOf((error.parentSchema ?? {}) as SchemaNode), error.data);
        if (result) {
          const keys = pointerKeys(error.instancePath);
          const { display } = readablePath(data, keys, prefix);
          warnings.push(conversionWarning(display, error.data, result.value));
          originals.set(error.instancePath, error.data);
          setAtKeys(data, keys, result.value);
          converted = true;
          continue;
        }
      }
      first ??= error;
    }
    if (first) return { problem: describeError(first, data, prefix, originals) };
    if (!converted) break;
  }
  return { warnings };
}
