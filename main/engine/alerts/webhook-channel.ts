/**
 * Alerts to a webhook: one JSON POST per alert (Slack and Microsoft Teams incoming webhooks take
 * it as it is), through got with its own timeouts and retries: a webhook that does not answer is
 * given up on after `timeoutMs` per try, tried again with backoff on timeouts, network errors,
 * 408, 429 (Retry-After honoured) and 5xx, and never holds up a file (the feed does not wait).
 */
import got, { RequestError, type Agents } from 'got';
import type { AlertChannel } from './alert-types.js';
import { webhookBody } from './alert-message.js';

export interface WebhookOptions {
  /** Each try's limit (default 10 s). */
  readonly timeoutMs?: number;
  /** Tries after the first (default 4). */
  readonly retries?: number;
  /** The first wait between tries, doubled each time (default: got's, 1 s doubling, capped at 60 s). */
  readonly retryBaseMs?: number;
  readonly agent?: Agents | undefined;
}

/** Where the webhook is, as a person may see it: its host only (a webhook's path is its secret). */
export const webhookTarget = (url: string): string => new URL(url).host;

/** Why a try failed, in plain words, without the webhook's address. */
function reason(error: unknown, host: string): string {
  if (error instanceof RequestError) {
    const status = error.response?.statusCode;
    if (status !== undefined) {
      const body = String(error.response?.body ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
      return `The webhook on ${host} answered HTTP ${status}${body ? ` (${body})` : ''}.`;
    }
    if (error.code === 'ETIMEDOUT') return `The webhook on ${host} did not answer in time.`;
    return `The webhook on ${host} could not be reached (${error.code}).`;
  }
  return `The webhook on ${host} failed: ${(error as Error).message}`;
}

/** A channel posting each alert to `url`. */
export function webhookChannel(url: string, o: WebhookOptions = {}): AlertChannel {
  const host = webhookTarget(url);
  return {
    kind: 'webhook',
    target: host,
    async send(alert, { signal, onRetry }) {
      try {
        await got.post(url, {
          json: webhookBody(alert),
          signal,
          agent: o.agent,
          followRedirect: false,
          timeout: { request: o.timeoutMs ?? 10_000 },
          retry: {
            limit: o.retries ?? 4,
            // A repeated alert is better than a lost one: POST is tried again too.
            methods: ['POST'],
            backoffLimit: 60_000,
            calculateDelay: ({ computedValue, attemptCount }) =>
              computedValue === 0 || o.retryBaseMs === undefined ? computedValue : o.retryBaseMs * 2 ** (attemptCount - 1),
          },
          hooks: { beforeRetry: [(error) => onRetry(reason(error, host))] },
        });
      } catch (error) {
        throw new Error(reason(error, host));
      }
    },
  };
}
