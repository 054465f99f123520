/**
 * Notifications for the watched folders' results that need the person: a file moved to
 * `failed/`, or one that failed and will be tried again. Each file is announced once per outcome
 * however often the folders' overview repeats it; a file sent clears its record, so the next
 * file of the same name is announced again. A click on the notification opens that folder.
 */
import type { NotificationConstructorOptions } from 'electron';
import type { FeedView } from '../contract/feeds.js';
import type { EventHub, ServiceEvents } from '../services/channels/event-hub.js';

export interface FeedNoticeDeps {
  events: Pick<EventHub<ServiceEvents>, 'on'>;
  /** Shows a notification; `onClick` runs when the person clicks it. */
  notify: (options: NotificationConstructorOptions, onClick: () => void) => void;
  /** Opens the window on the watched folder `feedId`. */
  openFeed: (feedId: string) => void;
}

/** The notification for a feed's last file, or null when it needs nobody. */
export function feedNotice(feed: FeedView): NotificationConstructorOptions | null {
  const last = feed.last;
  if (!last) return null;
  if (last.result === 'failed') return { title: `Not sent: ${last.name}`, body: `${last.message} It was moved to the failed folder in ${feed.settings.path}.` };
  if (last.result === 'will-retry') return { title: `Will be tried again: ${last.name}`, body: last.message };
  return null;
}

/** Subscribes to `feeds:changed`; returns the unsubscribe function. */
export function setupFeedNotices(d: FeedNoticeDeps): () => void {
  const told = new Set<string>();
  return d.events.on('feeds:changed', (overview) => {
    for (const feed of overview.feeds) {
      const last = feed.last;
      if (!last) continue;
      const file = `${feed.id}\u0000${last.name}`;
      if (last.result === 'sent' || last.result === 'not-sent-again') {
        for (const key of [...told]) if (key.startsWith(`${file}\u0000`)) told.delete(key);
        continue;
      }
      const notice = feedNotice(feed);
      const key = `${file}\u0000${last.result}`;
      if (!notice || told.has(key)) continue;
      told.add(key);
      d.notify(notice, () => d.openFeed(feed.id));
    }
  });
}
