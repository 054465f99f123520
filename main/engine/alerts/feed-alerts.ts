/**
 * A watched folder's alerts: reads the feed's events as they happen and raises an alert when a
 * person must know. A file moved to failed/; a file being tried again after a transient failure
 * (once per file, however many tries); a converted file sent with more rows left out than the
 * folder allows; no file when one is expected, and files arriving again. Alerts are handed to
 * the channels without waiting, so a slow or dead channel never holds up a file.
 */
import type { FeedEvent } from '../feeds/feed-events.js';
import { createAlertDispatch, type AlertDispatch } from './alert-dispatch.js';
import { backToNormalAlert, failedAlert, leftOutAlert, retryingAlert, silenceAlert, testAlert } from './alert-message.js';
import type { AlertSettings } from './alert-settings.js';
import type { Alert, AlertChannel, AlertChannelStatus } from './alert-types.js';
import { watchForSilence, type SilenceWatch } from './silence-watch.js';

export interface FeedAlerts {
  /** Every event of the feed, as it happens. */
  onEvent(e: FeedEvent): void;
  /** Delivers a test alert on every channel; resolves with how each did. */
  test(): Promise<readonly AlertChannelStatus[]>;
  status(): readonly AlertChannelStatus[];
  /** When the next file is due (silence watch), or null. */
  nextDeadline(): Date | null;
  /** Stops the silence watch and waits up to `waitMs` for alerts under way. */
  close(waitMs: number): Promise<void>;
}

export interface FeedAlertsOptions {
  /** The watched folder, as alerts name it. */
  readonly feed: string;
  readonly settings: Pick<AlertSettings, 'leftOutPercent' | 'expect'>;
  readonly channels: readonly AlertChannel[];
  /** Masked out of every alert. */
  readonly token: string | null;
  /** The last file known to have arrived in the folder (History), for the silence watch. */
  readonly lastArrival: Date | null;
  /** Each alert as it is raised (the watch log says so). */
  readonly onAlert?: (a: Alert) => void;
  readonly onStatus?: (s: AlertChannelStatus) => void;
}

/** Whether a converted file left out more rows than `percent` of them. */
const tooManyLeftOut = (sent: number, leftOut: number, percent: number): boolean => leftOut > 0 && (leftOut / (sent + leftOut)) * 100 > percent;

/** Starts a feed's alerts (and its silence watch, when a file is expected). */
export async function startFeedAlerts(o: FeedAlertsOptions): Promise<FeedAlerts> {
  const dispatch: AlertDispatch = createAlertDispatch(o.channels, o.onStatus);
  const raise = (a: Alert): void => {
    o.onAlert?.(a);
    dispatch.send(a);
  };
  // Files already alerted as being tried again: said once per file, until it is done with.
  const retrying = new Set<string>();
  const silence: SilenceWatch | null = o.settings.expect ? await watchForSilence(o.settings.expect, {
    lastArrival: o.lastArrival,
    onSilence: (e) => raise(silenceAlert(o.feed, e, o.token)),
    onBack: (e) => raise(backToNormalAlert(o.feed, e, o.token)),
  }) : null;

  return {
    onEvent(e) {
      switch (e.kind) {
        case 'waiting':
          silence?.arrived(e.file);
          return;
        case 'retry-later':
        case 'kept':
          if (retrying.has(e.file)) return;
          retrying.add(e.file);
          raise(retryingAlert(o.feed, { file: e.file, error: e.error, delayMs: e.kind === 'retry-later' ? e.delayMs : null, historyId: e.historyId }, o.token));
          return;
        case 'failed':
          retrying.delete(e.file);
          raise(failedAlert(o.feed, e, o.token));
          return;
        case 'sent':
          retrying.delete(e.file);
          if (e.recordsSent !== null && e.recordsLeftOut !== null && tooManyLeftOut(e.recordsSent, e.recordsLeftOut, o.settings.leftOutPercent)) {
            raise(leftOutAlert(o.feed, { ...e, recordsSent: e.recordsSent, recordsLeftOut: e.recordsLeftOut }, o.settings.leftOutPercent, o.token));
          }
          return;
        case 'duplicate':
        case 'interrupted':
          retrying.delete(e.file);
          return;
        case 'watching':
        case 'folder-missing':
        case 'taken':
        case 'not-taken':
        case 'problem':
          return;
        default: {
          const _exhaustive: never = e;
          return _exhaustive;
        }
      }
    },
    test: () => dispatch.sendNow(testAlert(o.feed)),
    status: () => dispatch.status(),
    nextDeadline: () => silence?.nextDeadline() ?? null,
    async close(waitMs) {
      silence?.stop();
      await dispatch.close(waitMs);
    },
  };
}
