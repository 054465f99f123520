/** Watched folders: their settings and where each stands. */
import type { DateOrder } from './jobs.js';
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
  /** Check every record first (dataset only). */
  readonly validate: boolean;
  /** Compress NDJSON on the way (gzip); false sends every file as it is. */
  readonly gzip: boolean;
  /** Seconds a file must stay unchanged before it is taken. */
  readonly quietSeconds: number;
  readonly after: FeedAfter;
  /** Poll instead of waiting for change events (network drives). */
  readonly polling: boolean;
}

/** How the last file a feed handled ended. */
export interface FeedLastFile {
  readonly name: string;
  readonly result: 'sent' | 'not-sent-again' | 'failed' | 'will-retry' | 'interrupted';
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
  /** Files waiting in the failed folder, newest first. */
  readonly failures: readonly FeedFailure[];
}

export interface FeedsOverview {
  readonly feeds: readonly FeedView[];
  /** Whether the host can show a folder chooser (the desktop app can; the browser host cannot). */
  readonly canChooseFolder: boolean;
}
