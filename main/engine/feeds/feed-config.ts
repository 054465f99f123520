/**
 * A watched folder: what it takes, where it sends it and how, and what becomes of a
 * file afterwards. The CLI's `watch` and the app's "Watched folders" both describe a feed so.
 */
import type { ColumnMapping } from '../pipeline/column-mapping.js';
import type { DateOrder } from '../pipeline/convert/date-order.js';
import type { TextEncoding } from '../pipeline/csv/text-encodings.js';
import type { SendDestination, SendRequest } from '../send/send-types.js';

/** What happens to a file once it is sent: moved to `sent/`, left where it is, or deleted. */
export type AfterSend = 'sent' | 'leave' | 'delete';

export const AFTER_SEND: readonly AfterSend[] = ['sent', 'leave', 'delete'];

/** The names a feed takes unless told otherwise: CSV, NDJSON, JSON and anything gzipped. */
export const DEFAULT_PATTERNS: readonly string[] = ['*.csv', '*.ndjson', '*.json', '*.gz'];

/** Seconds a file's size and modification time must stay unchanged before it is taken. */
export const DEFAULT_QUIET_SECONDS = 10;

/** One watched folder. */
export interface FeedConfig {
  /** The folder watched (absolute). */
  readonly path: string;
  /** Name patterns (globs, matched against the file's name, case-insensitively). */
  readonly patterns: readonly string[];
  /** A dataset's record type, or null for Lexer staff. */
  readonly destination: SendDestination | null;
  /** Convert CSVs (and JSON arrays) to NDJSON for the destination's record type first. */
  readonly convert: {
    readonly mapping: Partial<ColumnMapping> | null;
    readonly presetName: string | null;
    /** How every date column writes its dates; unset: per column from the mapping (`mapping.dateOrders`), else detected. */
    readonly dateOrder?: DateOrder;
    /** Keep a record whose only invalid fields are optional ones, without them (never the link). */
    readonly leaveOutInvalidFields?: boolean;
    /** The CSV files' encoding, for exports that do not show it; unset: detected from each file. */
    readonly encoding?: TextEncoding;
  } | null;
  /** Compress on the way; unset: on for NDJSON, off for CSV and JSON (as a manual upload). */
  readonly gzip?: boolean;
  /** Compression level, 1 to 9; unset: the run's setting (the app's Settings), else the default. */
  readonly gzipLevel?: number;
  /** Most bytes one part may have as sent; unset: the run's setting, else S3's 5 GiB. */
  readonly partBytes?: number;
  /** Check every record first (on by default for a dataset destination, as the app's box is). */
  readonly validate: boolean;
  readonly quietSeconds: number;
  readonly after: AfterSend;
  /** Poll the folder instead of waiting for change events (network drives, where those never arrive). */
  readonly polling: boolean;
  /**
   * Send e-mail addresses only hashed: every file goes through conversion (NDJSON and JSON too),
   * which hashes them (pipeline/convert/hash-emails.ts); a file that would go as it is is refused.
   */
  readonly hashEmails?: boolean;
  /**
   * Accounts (uids) besides this user whose files are taken too (an export job's account): a
   * shared folder's other files are left where they are, so nobody else decides what is sent.
   */
  readonly fileOwners?: readonly number[];
}

/** What a run says for every upload (the app's Settings), read for each file a feed sends. */
export type RunSendSettings = Pick<SendRequest, 'gzipLevel' | 'partBytes'> & { readonly hashEmails?: boolean };

/** The feed as one file is sent: its own values, else the run's settings (so a change in Settings applies from the next file). */
export function withSendSettings(feed: FeedConfig, settings: RunSendSettings | undefined): FeedConfig {
  const gzipLevel = feed.gzipLevel ?? settings?.gzipLevel;
  const partBytes = feed.partBytes ?? settings?.partBytes;
  // Hashing asked for anywhere applies: Settings' choice is a policy for every folder.
  const hashEmails = feed.hashEmails === true || settings?.hashEmails === true;
  return { ...feed, ...(gzipLevel !== undefined ? { gzipLevel } : {}), ...(partBytes !== undefined ? { partBytes } : {}), ...(hashEmails ? { hashEmails } : {}) };
}

/** The patterns a `--pattern` value or a typed field means: space- or comma-separated globs. */
export function parsePatterns(text: string): string[] {
  return text.split(/[\s,]+/).map((p) => p.trim()).filter((p) => p !== '');
}
