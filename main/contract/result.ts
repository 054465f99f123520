/** What every channel answers: a value, or a plain error the window can show. */
import type { ErrorInfo } from '../engine/errors.js';

export type { ErrorInfo };

/** What every handler answers: a value, or a plain error the renderer can show. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };
