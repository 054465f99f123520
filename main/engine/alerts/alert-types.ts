/**
 * What a watched folder tells someone when nobody is looking: one alert per thing a person must
 * know (a file failed, a file being tried again, too many records left out, no file when one was
 * expected, files arriving again), and where alerts go (a webhook, e-mail).
 */

/** Why an alert was raised. */
export type AlertKind = 'failed' | 'retrying' | 'records-left-out' | 'silence' | 'back-to-normal' | 'test';

export const ALERT_KINDS: readonly AlertKind[] = ['failed', 'retrying', 'records-left-out', 'silence', 'back-to-normal', 'test'];

/**
 * One alert, as every channel carries it: a one-paragraph summary (`text`) and the same facts as
 * fields for a program. Never the API token, a link's query or a record's values.
 */
export interface Alert {
  readonly kind: AlertKind;
  /** The watched folder, by its path. */
  readonly feed: string;
  /** The person's file (its name in the folder); null for an alert about the folder. */
  readonly file: string | null;
  /** The name it was sent under, once sent. */
  readonly filename: string | null;
  /** How it ended, in one word a filter can match: failed, will-retry, sent, silent, back-to-normal, test. */
  readonly outcome: 'failed' | 'will-retry' | 'sent' | 'silent' | 'back-to-normal' | 'test';
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Records sent and rows left out as invalid (known when the feed converted the file). */
  readonly recordsSent: number | null;
  readonly recordsLeftOut: number | null;
  /** Lexer's upload ids, one per part. */
  readonly uploadIds: readonly string[];
  /** The History entry of the upload, for `lexer-upload history` and the app's History. */
  readonly historyId: string | null;
  /** When it was raised (ISO 8601). */
  readonly time: string;
  /** One paragraph a person reads in a chat or a mail. */
  readonly text: string;
}

/** A place alerts go: the webhook or the mail server. */
export interface AlertChannel {
  readonly kind: 'webhook' | 'email';
  /** Where, as a person may see it: a host, never a webhook's secret path or a password. */
  readonly target: string;
  /**
   * Delivers one alert, with the channel's own timeouts and retries (`onRetry` hears each failed
   * try that will be tried again); rejects with a plain message once they run out.
   */
  send(alert: Alert, o: { signal: AbortSignal; onRetry: (message: string) => void }): Promise<void>;
}

/** How a channel is doing, for the feed's row and the watch log. */
export interface AlertChannelStatus {
  readonly kind: AlertChannel['kind'];
  readonly target: string;
  /** idle: nothing sent yet; ok: the last alert was delivered; failing: the last try failed. */
  readonly state: 'idle' | 'ok' | 'failing';
  /** What went wrong (failing), in plain words. */
  readonly message: string | null;
  /** When the last alert was delivered. */
  readonly lastDeliveredAt: string | null;
}
