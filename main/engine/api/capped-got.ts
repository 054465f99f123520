/**
 * got for the API calls, with every reply body capped: Lexer's replies are a few hundred bytes,
 * and got buffers a whole body before handing it over, so an API URL that points at the wrong
 * server (or a hostile one) could otherwise grow memory by gigabytes, then end as a vague
 * network error after retries. The cap is got's own: a handler that watches the download's
 * progress (its first report carries Content-Length) and cancels the request past the limit.
 */
import got, { type CancelableRequest, type Progress } from 'got';
import { LexerError } from '../errors.js';

/** The most bytes an API reply may have: far above any real answer, far below harm. */
export const MAX_REPLY_BYTES = 1024 * 1024;

/** One call's limit; `exceeded` is set when the reply went past it and the request was cancelled. */
export interface ReplyLimit {
  readonly bytes: number;
  exceeded: boolean;
}

/** A fresh limit for one call, to pass as got's `context.replyLimit`. */
export function replyLimit(bytes = MAX_REPLY_BYTES): ReplyLimit {
  return { bytes, exceeded: false };
}

/** got, cancelling any request whose `context.replyLimit` its reply outgrows. */
export const cappedGot = got.extend({
  handlers: [
    (options, next) => {
      const limit = options.context.replyLimit as ReplyLimit | undefined;
      const request = next(options);
      if (limit && !options.isStream) {
        const cancelable = request as unknown as CancelableRequest;
        cancelable.on('downloadProgress', (p: Progress) => {
          if (limit.exceeded || (p.transferred <= limit.bytes && (p.total ?? 0) <= limit.bytes)) return;
          limit.exceeded = true;
          cancelable.cancel();
        });
      }
      return request;
    },
  ],
});

/** The error for a reply past its limit: said plainly, never retried (a second try gets the same). */
export function replyTooLarge(where: string, limit: ReplyLimit): LexerError {
  return new LexerError('reply-too-large', `The Lexer API at ${where} sent a reply larger than ${Math.round(limit.bytes / 1024)} KiB; it was not read further.`, {
    hint: "Check the API URL (the default is https://api.lexer.io): Lexer's replies are a few hundred bytes.",
  });
}
