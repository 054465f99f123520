/**
 * What a watched folder reports: one event per thing a person would want in a log line
 * (`lexer-upload watch`, one JSON object per line with --json) or on the app's feed row. Errors
 * travel as {@link ErrorInfo}: code, message, what to do (never the token, never a link's query).
 */
import type { ErrorInfo } from '../errors.js';
import type { SendEvent } from '../send/send-types.js';
import type { NotTakenReason } from './feed-take.js';

export type FeedEvent =
  | { readonly kind: 'watching'; readonly folder: string; readonly polling: boolean }
  | { readonly kind: 'folder-missing'; readonly folder: string }
  /** Seen; taken once its size and modification time stay unchanged for the quiet period. */
  | { readonly kind: 'waiting'; readonly file: string }
  | { readonly kind: 'taken'; readonly file: string }
  /** Left where it is, not sent: a link, not a regular file, another account's, or unreadable (feed-take.ts). */
  | { readonly kind: 'not-taken'; readonly file: string; readonly reason: NotTakenReason; readonly message: string }
  /** `recordsSent` and `recordsLeftOut` are known when the feed converted the file; `historyId` is its upload's History entry. */
  | { readonly kind: 'sent'; readonly file: string; readonly filename: string; readonly uploadIds: readonly string[]; readonly bytes: number; readonly recordsSent: number | null; readonly recordsLeftOut: number | null; readonly movedTo: string | null; readonly historyId: string | null }
  | { readonly kind: 'duplicate'; readonly file: string; readonly message: string; readonly movedTo: string | null }
  /** `errorFile` is null when the reason could not be written beside it (a 'problem' event says why); the reason is here either way. */
  | { readonly kind: 'failed'; readonly file: string; readonly error: ErrorInfo; readonly movedTo: string; readonly errorFile: string | null; readonly historyId: string | null }
  /** A transient failure: the file stays and is tried again after `delayMs`. */
  | { readonly kind: 'retry-later'; readonly file: string; readonly error: ErrorInfo; readonly attempt: number; readonly delayMs: number; readonly historyId: string | null }
  /** A transient failure with --once: the file stays for the next run. */
  | { readonly kind: 'kept'; readonly file: string; readonly error: ErrorInfo; readonly historyId: string | null }
  /** Stopped while it was being sent: the file stays, History marks the attempt Cancelled. */
  | { readonly kind: 'interrupted'; readonly file: string }
  /** Something around the files went wrong (a move refused, the watcher failing). */
  | { readonly kind: 'problem'; readonly file: string | null; readonly message: string };

/** A file's send events as they happen (progress), for a caller that shows them. */
export type FeedSendListener = (file: string, e: SendEvent) => void;
