/** Watched folders: their settings and where each stands. */
import type { DateOrder, TextEncoding } from './jobs.js';
import type { UploadDestination } from './uploads.js';

/** What becomes of a file once it is sent: moved to `sent/` in the folder, left, or deleted. */
export type FeedAfter = 'sent' | 'leave' | 'delete';

/** A watched folder as the person sets it up. */
export interface FeedSettings {
  /** The folder (an absolute path). */
  readonly path: string;
  /** Names to take, space-separated globs: `*.csv *.ndjson *.json *.gz` by default. */
  readonly patterns: string;
  /** A dataset's record type; null sends to Lexer staff. */
  readonly destination: UploadDestination | null;
  /** Convert CSVs to NDJSON first (dataset only), with this saved mapping (null: suggested from the headers). */
  readonly convert: boolean;
  readonly presetName: string | null;
  /** How every date column of its CSVs writes dates; null: per column below, else read from each file's first rows. */
  readonly dateOrder: DateOrder | null;
  /** Date columns whose order is set one by one, by header (over `dateOrder` and the saved mapping's). */
  readonly dateOrders: Readonly<Record<string, DateOrder>>;
  /** Keep a record whose only invalid fields are optional ones, without them (never the link). */
  readonly leaveOutInvalidFields: boolean;
  /** The encoding its CSVs are saved in, for exports that do not show it; absent or null: detected from each file. */
  readonly encoding?: TextEncoding | null;
  /** Check every record first (dataset only). */
  readonly validate: boolean;
  /** Compress NDJSON on the way (gzip); false sends every file as it is. */
  readonly gzip: boolean;
  /** Seconds a file must stay unchanged before it is taken. */
  readonly quietSeconds: number;
  readonly after: FeedAfter;
  /** Poll instead of waiting for change events (network drives). */
  readonly polling: boolean;
  /** Purchase and return, when converting: rows with the same value in this column make one record (an order's lines); absent or null: one per row. */
  readonly groupBy?: string | null;
  /** Send e-mail addresses only hashed (NDJSON and JSON files converted too); Settings' choice applies to every folder as well. */
  readonly hashEmails?: boolean;
  /** Who is told when a file fails, is tried again, leaves out many rows, or none arrives; absent or null: nobody. */
  readonly alerts?: FeedAlertSettings | null;
}

/** A feed's alerts: a webhook (Slack, Teams), mail, or both. */
export interface FeedAlertSettings {
  readonly webhookUrl: string | null;
  readonly email: FeedEmailSettings | null;
  /** Alert when more than this percentage of a converted file's rows is left out. */
  readonly leftOutPercent: number;
  /** When a file is expected: an interval ("24h") or a cron schedule ("0 9 * * 1-5": every weekday by 09:00); null: never checked. */
  readonly expect: string | null;
}

/** Mail over SMTP. The password goes to main once, with `feeds:add`, and is kept in the vault: it is never sent back. */
export interface FeedEmailSettings {
  readonly host: string;
  readonly port: number;
  readonly security: 'starttls' | 'tls' | 'none';
  readonly user: string | null;
  readonly from: string;
  /** Addresses, separated by commas. */
  readonly to: string;
  /** Only when adding the feed (then kept in the vault); never in feeds.json nor in what main sends back. */
  readonly password?: string;
}

/** How one of a feed's alert channels is doing. */
export interface FeedAlertChannel {
  readonly kind: 'webhook' | 'email';
  /** The webhook's host or the mail server, never the webhook's secret path. */
  readonly target: string;
  readonly state: 'idle' | 'ok' | 'failing';
  readonly message: string | null;
  readonly lastDeliveredAt: string | null;
}

/** How the last file a feed handled ended. */
export interface FeedLastFile {
  readonly name: string;
  readonly result: 'sent' | 'not-sent-again' | 'failed' | 'will-retry' | 'interrupted' | 'not-taken';
  /** One plain sentence: as what it was sent, or why not and what to do. */
  readonly message: string;
  readonly at: string;
}

/** A file the feed moved to its failed folder, shown on the feed's row until it leaves that folder or is dismissed. */
export interface FeedFailure {
  readonly id: string;
  /** The file's name, as it is in the failed folder. */
  readonly name: string;
  readonly message: string;
  /** What to do, in the folder's own settings. */
  readonly hint: string | null;
  /** The name of the note beside it (`NAME.error.txt`). */
  readonly errorFile: string;
  readonly at: string;
}

/** A watched folder and where it stands. */
export interface FeedView {
  readonly id: string;
  readonly settings: FeedSettings;
  readonly state: 'watching' | 'paused' | 'folder-missing' | 'no-token' | 'starting';
  /** Files seen and not sent yet (waiting to stop changing, queued, or to be tried again). */
  readonly waiting: number;
  readonly sending: number;
  readonly last: FeedLastFile | null;
  /** The alert channels and how each is doing (empty without alerts). */
  readonly alerts: readonly FeedAlertChannel[];
  /** When the next file is due (alerts with an expected interval), ISO 8601; null otherwise. */
  readonly nextFileDue: string | null;
  /** Files waiting in the failed folder, newest first. */
  readonly failures: readonly FeedFailure[];
}

export interface FeedsOverview {
  readonly feeds: readonly FeedView[];
  /** Whether the host can show a folder chooser (the desktop app can; the browser host cannot). */
  readonly canChooseFolder: boolean;
}
