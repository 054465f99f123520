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
  | 'unsafe-folder'
  // the API call that asks for an upload URL
  | 'no-token'
  | 'token-rejected'
  | 'request-refused'
  | 'wrong-api-url'
  | 'rate-limited'
  | 'server-error'
  | 'network-error'
  | 'invalid-response'
  | 'reply-too-large'
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
  /** Fewer than half of a CSV's columns map to the record type: probably the wrong file for it. */
  | 'columns-not-mapped'
  | 'unknown-record-type'
  | 'not-ndjson'
  | 'unsupported-file'
  | 'date-order-unknown'
  | 'encoding-unknown'
  /** A worker thread of the pipeline could not start or stopped. */
  | 'worker-failed'
  // anything else
  | 'cancelled'
  | 'confirmation-needed'
  | 'usage'
  | 'internal';

/**
 * A failure as it travels as data (to the window, into History, as a JSON line): its code, the
 * plain message and what to do. Never a stack, a cause or the token.
 */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

/**
 * Failures another try can get past without anyone acting: the network, Lexer or S3 busy or
 * down, an upload link that expired, a disk that filled (space frees up), an answer that made no
 * sense. The one place that says so: a PUT is tried again with a fresh link for these, and a
 * watched folder leaves such a file where it is and tries it later rather than moving it to failed/.
 */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'network-error', 'server-error', 'rate-limited', 'connection-reset', 'upload-stalled', 'link-expired', 'disk-full', 'invalid-response',
]);

/** A failure with a code, a plain message and what to do about it. */
export class LexerError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /**
   * Whether trying again (a fresh URL, a new request, a later try) can help: by the code, unless
   * whoever made the error knew better (S3's refusal is worth another try only when S3 itself failed).
   */
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: { hint?: string; retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LexerError';
    this.code = code;
    this.hint = options.hint;
    this.retryable = options.retryable ?? TRANSIENT.has(code);
  }

  /** The message and the hint as one sentence pair, for a log line or a card. */
  describe(): string {
    return this.hint ? `${this.message} ${this.hint}` : this.message;
  }

  /** The plain {@link ErrorInfo} `JSON.stringify` writes (no stack, no cause). */
  toJSON(): ErrorInfo {
    return toErrorInfo(this);
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

/**
 * Turns anything thrown into the plain {@link ErrorInfo} the window shows, History keeps and
 * `--json` prints; the hint only when there is one.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  const e = toLexerError(error);
  return e.hint ? { code: e.code, message: e.message, hint: e.hint } : { code: e.code, message: e.message };
}
