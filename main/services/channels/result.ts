/**
 * Building and reading the contract's `Result`: handlers never throw across the bridge, they
 * answer a value or a plain error the renderer can show.
 */
import type { ErrorInfo, Result } from '../../contract/result.js';
import { LexerError } from '../../engine/errors.js';

/** The engine's one converter from anything thrown to the plain error shape, for the handlers here. */
export { toErrorInfo } from '../../engine/errors.js';

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error as a failed result. */
export function fail<T = never>(error: ErrorInfo): Result<T> {
  return { ok: false, error };
}

/** A bad argument from the renderer: a programming error on that side, reported as `usage`. */
export function usageError(message: string, hint = 'This is a bug in the app window; reload it and try again.'): LexerError {
  return new LexerError('usage', message, { hint });
}
