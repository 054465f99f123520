/**
 * Two ajv instances: a fast one that stops at the first error (most records are valid, so the
 * common case must be cheap) and a detailed one, used only to explain a failure.
 */
import { Ajv } from 'ajv';
import { addLexerFormats } from '../common/formats.js';

// Optional fields are `type: [X, 'null']` (pydantic Optional), so union types are on purpose.
const base = { allowUnionTypes: true, strict: true, validateSchema: false } as const;

let fast: Ajv | undefined;
let detailed: Ajv | undefined;

/** The shared first-error-only ajv. */
export function fastAjv(): Ajv {
  fast ??= addLexerFormats(new Ajv({ ...base, allErrors: false }));
  return fast;
}

/** The shared all-errors ajv that keeps each error's data and schema for the message. */
export function detailedAjv(): Ajv {
  detailed ??= addLexerFormats(new Ajv({ ...base, allErrors: true, verbose: true }));
  return detailed;
}
