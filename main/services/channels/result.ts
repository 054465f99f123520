/**
 * Building and reading the contract's `Result`: handlers never throw across the bridge, they
 * answer a value or a plain error the renderer can show.
 */
import type { ErrorInfo, Result } from '../../contract/result.js';
import { LexerError, toLexerError } from '../../engine/errors.js';

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error as a failed result. */
export function fail<T = never>(error: ErrorInfo): Result<T> {
  return { ok: false, error };
}

/** Turns anything thrown into the plain error shape the renderer shows (no stack, no cause). */
export function toErrorInfo(error: unknown): ErrorInfo {
  const e = toLexerError(error);
  return e.hint ? { code: e.code, message: e.message, hint: e.hint } : { code: e.code, message: e.message };
}

/** A bad argument from the renderer: a programming error on that side, reported as `usage`. */
export function usageError(message: string, hint = 'This is a bug in the app window; reload it and try again.'): LexerError {
  return new LexerError('usage', message, { hint });
}
