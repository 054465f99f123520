/**
 * Errors the user sees. Every failure that reaches a person (CLI line, app card, history
 * entry) is a {@link LexerError}: a stable `code` for programs and tests, a plain `message`
 * that names the file, line or field, and a `hint` saying what to do. Never a stack trace.
 */
export type ErrorCode =
  // before any request
  | 'file-empty'
  | 'file-too-large'
  | 'file-unreadable'
  | 'file-changed'
  | 'disk-full'
  | 'duplicate'
  | 'invalid-file-name'
  // the API call that asks for an upload URL
  | 'no-token'
  | 'token-rejected'
  | 'request-refused'
  | 'wrong-api-url'
  | 'rate-limited'
  | 'server-error'
  | 'network-error'
  | 'invalid-response'
  | 'insecure-url'
  // the PUT to S3
  | 'link-expired'
  | 'signature-mismatch'
  | 'url-mangled'
  | 'entity-too-large'
  | 'upload-rejected'
  | 'upload-stalled'
  | 'connection-reset'
  // data pipeline
  | 'invalid-records'
  | 'unknown-record-type'
  | 'not-ndjson'
  | 'unsupported-file'
  | 'date-order-unknown'
  | 'encoding-unknown'
  // anything else
  | 'cancelled'
  | 'usage'
  | 'internal';

/** A failure with a code, a plain message and what to do about it. */
export class LexerError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /** Whether trying again (a fresh URL, a new request) can help. */
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: { hint?: string; retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LexerError';
    this.code = code;
    this.hint = options.hint;
    this.retryable = options.retryable ?? false;
  }

  /** The message and the hint as one sentence pair, for a log line or a card. */
  describe(): string {
    return this.hint ? `${this.message} ${this.hint}` : this.message;
  }

  /** A plain object safe to send to the renderer or print as JSON (no stack, no cause). */
  toJSON(): { code: ErrorCode; message: string; hint?: string } {
    return this.hint ? { code: this.code, message: this.message, hint: this.hint } : { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into a {@link LexerError}, keeping a LexerError as it is. */
export function toLexerError(error: unknown): LexerError {
  if (error instanceof LexerError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new LexerError('cancelled', 'The operation was cancelled.');
  const message = error instanceof Error ? error.message : String(error);
  return new LexerError('internal', `Something unexpected went wrong: ${message}`, {
    hint: 'Try again; if it happens again, report it with the steps that led to it.',
    cause: error,
  });
}
