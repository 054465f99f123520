/** What every channel answers: a value, or a plain error the window can show. */

/** What every handler answers: a value, or a plain error the renderer can show. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}
