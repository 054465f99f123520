/**
 * Whether new settings for a watched folder reach further than the ones it has: its files going
 * to another destination, being deleted after sending where they were not, or its alerts (which
 * carry its file names) going somewhere new. Where a folder must be confirmed (the browser host),
 * such a change is confirmed too; a new date order or quiet period is not.
 */
import type { FeedAlertSettings, FeedSettings } from '../../contract/feeds.js';

const alertTargets = (a: FeedAlertSettings | null | undefined): string =>
  JSON.stringify([a?.webhookUrl ?? null, a?.email ? [a.email.host, a.email.port, a.email.to] : null]);

/** True when `next` sends the folder's files or alerts somewhere new, or deletes files `before` kept. */
export function reachesFurther(before: FeedSettings, next: FeedSettings): boolean {
  return JSON.stringify(before.destination) !== JSON.stringify(next.destination)
    || (next.after === 'delete' && before.after !== 'delete')
    || alertTargets(before.alerts) !== alertTargets(next.alerts);
}
