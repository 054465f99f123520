/**
 * The one way a send's context is put together, for the CLI's `upload` and `watch`, the app's
 * uploads and its watched folders alike: what a run says once for all its files, and what each
 * send adds (its signal and where its events go). The token's shared rate limiter is filled in
 * here, so no caller can give a run a limiter of its own by accident.
 */
import { rateLimiterForToken, type RateLimiter } from '../api/rate-limiter.js';
import type { SendContext, SendEvent } from './send-types.js';

/** What every send of a run shares (the context less each send's signal and listener). */
export type SendRun = Omit<SendContext, 'signal' | 'onEvent' | 'limiter'> & {
  /** Default: the limiter every request made with this token shares (10 requests per second per token). */
  readonly limiter?: RateLimiter | undefined;
};

/** What one send adds to its run. */
export interface SendOwn {
  readonly signal: AbortSignal;
  onEvent(e: SendEvent): void;
}

/** The context of one send of `run`. */
export function createSendContext(run: SendRun, own: SendOwn): SendContext {
  return {
    ...run,
    limiter: run.limiter ?? rateLimiterForToken(run.token),
    signal: own.signal,
    onEvent: (e) => own.onEvent(e),
  };
}
