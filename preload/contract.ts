/**
 * The one contract between the renderer and the main process. Every channel maps to its
 * argument tuple and result; main's handlers, the preload's API object and the browser host's
 * loopback transport are all typed from this map, so a change here breaks every side at once.
 *
 * Values crossing the bridge are plain data (structured-clone and JSON safe): no class
 * instances, no functions, never the API token.
 */
import type { FieldKind } from '../main/schemas/field-types.js';
import type { RecordTypeName } from '../main/schemas/record-type-names.js';

export type { RecordTypeName };

/** What every handler answers: a value, or a plain error the renderer can show. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

// ---------------------------------------------------------------- settings and token

export interface AppSettings {
  /** The Lexer API base URL; `https://api.lexer.io` by default. */
  readonly apiUrl: string;
  readonly defaultDatasetId: string;
  /** Files uploaded at once (1 to 4). */
  readonly concurrency: number;
  /**
   * Send uploads to the local sandbox embedded in the app instead of Lexer: for trying the app
   * without a Lexer account. The sandbox has its own token; files stay on this computer.
   */
  readonly useSandbox: boolean;
  /**
   * Compress NDJSON on the way (gzip: Lexer's preferred bulk format, about 8-10x smaller). Each
   * card's "Compress (gzip)" box starts from this and, when changed, changes it (issue 11).
   */
  readonly gzip: boolean;
  /** 1 (fastest) to 9 (smallest); 6 by default. */
  readonly gzipLevel: number;
  /** The largest part sent, as typed (`1GB`, `500MiB`); empty for 5 GiB, the most one upload takes. */
  readonly partSize: string;
}

/** The embedded sandbox, when the settings ask for it. */
export interface SandboxStatus {
  readonly enabled: boolean;
  /** The sandbox's API URL once it runs (it starts on first use). */
  readonly apiUrl: string | null;
  /** The folder where the sandbox keeps the files it received. */
  readonly storageDir: string | null;
}

/** How the token is kept, in words a person understands. */
export type TokenBackend = 'safe-storage' | 'keychain' | 'file' | 'session';

export interface TokenStatus {
  readonly stored: boolean;
  /** The last 4 characters, so a person can tell tokens apart; never more. */
  readonly last4: string | null;
  readonly backend: TokenBackend;
  /** Whether the stored token is encrypted at rest. */
  readonly encrypted: boolean;
  /** A plain sentence on where and how it is kept. */
  readonly description: string;
  /** Set when the storage is weak (e.g. safeStorage's `basic_text` backend, or a plain file). */
  readonly warning: string | null;
  /** Whether encrypted storage is available at all; when not, the user picks session or weak. */
  readonly encryptionAvailable: boolean;
}

export type TokenStorageChoice = 'persistent' | 'session';

/**
 * Where "Check token" asks: the API URL and sandbox choice on screen, which may not be saved yet
 * (a person checks before saving). Null checks the saved settings.
 */
export interface TokenCheckTarget {
  readonly apiUrl: string;
  readonly useSandbox: boolean;
}

export interface TokenCheck {
  readonly valid: boolean;
  /** Plain words: "The token works." or why not. */
  readonly message: string;
}

// ---------------------------------------------------------------- files

export type FileKind = 'csv' | 'ndjson' | 'json' | 'gzip' | 'other';

export interface NameCheck {
  readonly valid: boolean;
  /** The name that follows the vendor's rules (equal to the input when valid). */
  readonly fixed: string;
  /** One plain sentence per broken rule. */
  readonly problems: readonly string[];
}

export interface FileInfo {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly kind: FileKind;
  readonly nameCheck: NameCheck;
  /** Set when the file cannot be uploaded (empty, unreadable, content Lexer cannot load). */
  readonly blocker: ErrorInfo | null;
}

// ---------------------------------------------------------------- CSV preview

export interface PreviewIssue {
  /** e.g. `bom`, `invisible-character`, `duplicate-header`, `empty-header`, `ragged-row`, `unknown-header`, `not-utf8`. */
  readonly kind: string;
  readonly message: string;
}

export interface CsvPreview {
  /** 'UTF-8', 'UTF-16LE', 'Windows-1252', 'UTF-8 and Windows-1252', or 'not known yet (plain ASCII so far)'. */
  readonly encoding: string;
  readonly delimiter: string;
  readonly lineEnding: 'CRLF' | 'LF' | 'CR';
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Problems to fix: invisible characters in cells, duplicate headers, ragged rows, lines that are not UTF-8. */
  readonly issues: readonly PreviewIssue[];
  /** Notes that need nothing done: a header matched by a suggestion, a BOM removed, Excel's sep= line. */
  readonly notes: readonly PreviewIssue[];
  /** Columns holding dates written 25/03/1985, 03/25/1985 or 1985/03/25, with the order their first rows show. */
  readonly dateColumns: readonly DateColumn[];
}

/** What a column's first dates say about the order of day and month (issue 9, item 3). */
export interface DateColumn {
  readonly header: string;
  /** 'decided': `order` is read from the values; 'ambiguous': they could be either; 'mixed': both orders appear. */
  readonly state: 'decided' | 'ambiguous' | 'mixed';
  /** Set when decided. */
  readonly order: DateOrder | null;
  /** A value that shows the order (decided), could be either (ambiguous), or is day first (mixed), and its line. */
  readonly example: { readonly value: string; readonly line: number };
  /** For 'mixed': a month-first value. */
  readonly counter: { readonly value: string; readonly line: number } | null;
}

// ---------------------------------------------------------------- mapping, conversion, validation

/** A field of a record type a column can fill (array items and the open custom_fields aside). */
export interface FieldOption {
  /** Dotted path, e.g. `link.email`. */
  readonly path: string;
  readonly required: boolean;
  readonly description: string | null;
  /** What the field holds: `date` and `date-time` columns get a choice of day/month order. */
  readonly kind: FieldKind;
}

/** A column mapping saved under a name for a record type, kept in the app's settings (main). */
export interface MappingPreset {
  readonly name: string;
  readonly recordType: RecordTypeName;
  readonly mapping: ColumnMapping;
}

/** How a column writes its dates: day/month/year (25/03/1985), month/day/year (03/25/1985), year/month/day. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Header name to schema field path (`link.email`), or `null` to drop the column. */
export interface ColumnMapping {
  readonly columns: Readonly<Record<string, string | null>>;
  /** What to do with columns mapped to nothing known: keep them under `custom_fields`, or drop. */
  readonly unknownColumns: 'custom_fields' | 'drop';
  /** Infer numbers and booleans under `custom_fields` (strings otherwise). */
  readonly inferCustomTypes: boolean;
  /** Date columns whose order the person chose, by header; the others are detected from the file's first rows. */
  readonly dateOrders?: Readonly<Record<string, DateOrder>>;
}

/** One problem on one line (a line with several failing fields has one per field). */
export interface LineError {
  readonly line: number;
  readonly message: string;
  /** The row's link value (its customer), when it has one (issue 9, item 20). */
  readonly identifier?: string;
}

/** What cleaning an NDJSON file removes: Lexer's validator refuses byte-order marks and blank lines. */
export interface Framing {
  readonly byteOrderMarks: number;
  readonly blankLines: number;
  /** Invalid rows that cleaning alone makes valid. */
  readonly cleanable: number;
}

export interface ErrorGroup {
  /** e.g. `link.email`. */
  readonly field: string;
  /** e.g. `not an email address`. */
  readonly rule: string;
  readonly count: number;
}

export interface ValidationReport {
  readonly total: number;
  readonly valid: number;
  /** Rows with at least one problem. */
  readonly invalid: number;
  /** The first problems, capped; the counts are never capped. */
  readonly errors: readonly LineError[];
  /** Every problem, counted. */
  readonly errorCount: number;
  readonly summary: readonly ErrorGroup[];
  readonly warnings: readonly string[];
  readonly framing: Framing;
  /** A job id whose full error list `jobs.exportErrors` returns. */
  readonly jobId: string;
}

export interface ConversionReport {
  readonly rows: number;
  readonly written: number;
  readonly rejected: number;
  readonly errors: readonly LineError[];
  readonly errorCount: number;
  readonly summary: readonly ErrorGroup[];
  /** Values Lexer converts, and notes on the file (lines read as Windows-1252, a sep= line, unfilled required fields). */
  readonly warnings: readonly string[];
  /** How the input was read: 'UTF-8', 'Windows-1252', 'UTF-8 and Windows-1252', 'UTF-16LE'... */
  readonly encoding: string;
  /** For an NDJSON file: what cleaning removed. */
  readonly cleaned: { readonly byteOrderMarks: number; readonly blankLines: number };
  /** Path of the NDJSON file written. */
  readonly output: string;
  readonly jobId: string;
  /**
   * With `leaveOutInvalidFields`: records kept without some invalid optional fields, how many
   * fields were left out, counted by field and rule, and the first ones (all are in the export).
   */
  readonly leftOut: { readonly records: number; readonly fields: number; readonly summary: readonly ErrorGroup[]; readonly first: readonly LineError[] };
}

export interface ConvertRequest {
  readonly path: string;
  readonly recordType: RecordTypeName;
  readonly mapping: ColumnMapping;
  readonly gzip: boolean;
  readonly stopOnFirstInvalid: boolean;
  /** Keep a record whose only invalid fields are optional ones, without those fields (never the link). */
  readonly leaveOutInvalidFields?: boolean;
}

export interface JobProgress {
  readonly jobId: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly lines: number;
}

// ---------------------------------------------------------------- uploads

export interface UploadDestination {
  readonly datasetId: string;
  readonly recordType: RecordTypeName;
}

export interface UploadRequest {
  /** Chosen by the renderer (one per card); a second start of the same id does not run twice. */
  readonly id: string;
  readonly path: string;
  /** The name sent to Lexer (already fixed by the user or the app). */
  readonly filename: string;
  readonly destination: UploadDestination | null;
  /** Validate every record first and upload only if all are valid (NDJSON to a dataset). */
  readonly validateFirst: boolean;
  /** Compress on the way (the card's checkbox); absent: as Settings say for NDJSON, off for CSV and JSON. */
  readonly gzip?: boolean;
  /** Send even though History shows this content already went to the same destination (the person chose "Send again"). */
  readonly allowDuplicate?: boolean;
}

/** For a file made by a conversion: how many records it carries and how many rows were left out. */
export interface RecordCounts {
  /** Records in the file sent (the conversion wrote them). */
  readonly sent: number;
  /** Rows of the source left out because they broke the record type. */
  readonly leftOut: number;
  /** Rows read from the source. */
  readonly total: number;
  /** The name of the file the person converted. */
  readonly sourceName: string;
}

export interface TransferProgress {
  readonly bytesSent: number;
  readonly totalBytes: number;
  readonly bytesPerSecond: number;
  readonly etaSeconds: number | null;
}

/** Where one part of a file sent in parts stands. */
export type PartStatus = 'waiting' | 'requesting-url' | 'uploading' | 'retrying' | 'sent' | 'failed' | 'cancelled';

/** One part of a file sent in parts: each is requested, sent and loaded by Lexer on its own (issue 11). */
export interface PartProgress {
  /** 1-based. */
  readonly index: number;
  readonly filename: string;
  readonly bytes: number;
  readonly status: PartStatus;
  readonly bytesSent: number;
  /** The try, from 1. */
  readonly attempt: number;
  readonly uploadId: string | null;
  /** Sent by an earlier try of the same file, so not sent again. */
  readonly earlier: boolean;
}

/** A file sent in parts, as planned once it was compressed and cut. */
export interface PartsPlan {
  readonly parts: readonly PartProgress[];
  /** Bytes sent, all parts together (after compression). */
  readonly sentBytes: number;
  readonly sourceBytes: number;
  readonly compressed: boolean;
}

/** An upload's state; the renderer switches on `kind` exhaustively. */
export type UploadState =
  | { readonly kind: 'pending' }
  /** Looking the file up in History: the same content already sent to the same place? */
  | { readonly kind: 'checking-duplicate' }
  | { readonly kind: 'compressing'; readonly bytesRead: number; readonly totalBytes: number; readonly bytesWritten: number }
  | { readonly kind: 'splitting'; readonly bytesRead: number; readonly totalBytes: number; readonly bytesWritten: number; readonly parts: number }
  /** A file over the part size: its parts, each with its own progress, and the whole file's. */
  | { readonly kind: 'sending-parts'; readonly plan: PartsPlan; readonly progress: TransferProgress }
  | { readonly kind: 'validating'; readonly lines: number; readonly bytesRead: number; readonly totalBytes: number }
  | { readonly kind: 'requesting-url'; readonly attempt: number }
  | { readonly kind: 'uploading'; readonly attempt: number; readonly progress: TransferProgress }
  | { readonly kind: 'retrying'; readonly attempt: number; readonly reason: string; readonly delayMs: number }
  | {
    readonly kind: 'succeeded'; readonly uploadId: string; readonly bytes: number; readonly filename: string;
    /** Sent to a sandbox on this computer, not to Lexer: the result says so. */
    readonly sandbox: boolean;
    /** Set when the file was made by a conversion that left rows out (or kept them all). */
    readonly records: RecordCounts | null;
    /** Compressed on the way: `bytes` is the compressed size, `sourceBytes` the file's. */
    readonly compressed?: boolean;
    readonly sourceBytes?: number;
    /** Set when the file went in parts (`uploadId` is then the first part's). */
    readonly parts?: readonly PartProgress[] | null;
  }
  | { readonly kind: 'failed'; readonly error: ErrorInfo; readonly parts?: readonly PartProgress[] | null }
  | { readonly kind: 'cancelled'; readonly parts?: readonly PartProgress[] | null }
  /**
   * Not sent: History shows the same content already sent to the same destination. `message`
   * says when and as what; starting again with `allowDuplicate` sends it anyway.
   */
  | { readonly kind: 'duplicate'; readonly message: string };

export interface UploadStateEvent {
  readonly id: string;
  readonly state: UploadState;
}

// ---------------------------------------------------------------- history

/** The vendor's status words (plus Cancelled). */
export type HistoryStatus = 'Pending' | 'In Progress' | 'Success' | 'Failed' | 'Cancelled';

export interface HistoryEntry {
  readonly id: string;
  readonly uploadId: string | null;
  readonly filePath: string;
  readonly filename: string;
  readonly datasetId: string | null;
  readonly recordType: RecordTypeName | null;
  readonly bytes: number;
  readonly status: HistoryStatus;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: ErrorInfo | null;
  /** Marked Failed because the app stopped while it was In Progress. */
  readonly interrupted: boolean;
  /** Sent to a sandbox on this computer, not to Lexer. */
  readonly sandbox: boolean;
  /** The name of the file the person chose (the CSV, for a converted upload). */
  readonly sourceName: string;
  /** The app card that sent it (a Retry restarts that card while it is still open). */
  readonly requestId: string | null;
  /** For a converted file: records sent and rows left out; null otherwise. */
  readonly recordsSent: number | null;
  readonly recordsLeftOut: number | null;
  /** Compressed on the way: `bytes` is what was sent, `sourceBytes` the file's own size. */
  readonly compressed: boolean;
  readonly sourceBytes: number | null;
  /** One line per part when the file went in parts; null otherwise. */
  readonly parts: readonly HistoryPart[] | null;
  /** The watched folder that sent it (issue 12); null for a file sent by hand. */
  readonly feed: string | null;
}

/** A part of a file sent in parts, as History keeps it. */
export interface HistoryPart {
  readonly index: number;
  readonly filename: string;
  readonly status: HistoryStatus;
  readonly bytes: number;
  readonly uploadId: string | null;
}

// ---------------------------------------------------------------- watched folders (issue 12)

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

/** A watched folder and where it stands. */
export interface FeedView {
  readonly id: string;
  readonly settings: FeedSettings;
  readonly state: 'watching' | 'paused' | 'folder-missing' | 'no-token' | 'starting';
  /** Files seen and not sent yet (waiting to stop changing, queued, or to be tried again). */
  readonly waiting: number;
  readonly sending: number;
  readonly last: FeedLastFile | null;
}

export interface FeedsOverview {
  readonly feeds: readonly FeedView[];
  /** Whether the host can show a folder chooser (the desktop app can; the browser host cannot). */
  readonly canChooseFolder: boolean;
}

// ---------------------------------------------------------------- the channel map

/** Request/response channels: name to [argument tuple, result value]. */
export interface InvokeChannels {
  'settings:get': [[], AppSettings];
  'settings:update': [[patch: Partial<AppSettings>], AppSettings];
  'sandbox:status': [[], SandboxStatus];
  'token:status': [[], TokenStatus];
  'token:save': [[token: string, storage: TokenStorageChoice], TokenStatus];
  'token:clear': [[], TokenStatus];
  'token:check': [[target: TokenCheckTarget | null], TokenCheck];
  'files:inspect': [[path: string], FileInfo];
  'files:check-name': [[name: string], NameCheck];
  /** A copy the app made (staged in the browser host, or a conversion output) is no longer needed: delete it. */
  'files:release': [[path: string], boolean];
  'preview:csv': [[path: string, rows: number, recordType: RecordTypeName | null], CsvPreview];
  'mapping:suggest': [[headers: readonly string[], recordType: RecordTypeName], ColumnMapping];
  'schema:fields': [[recordType: RecordTypeName], readonly FieldOption[]];
  'presets:list': [[], readonly MappingPreset[]];
  'presets:save': [[preset: MappingPreset], readonly MappingPreset[]];
  'presets:delete': [[name: string, recordType: RecordTypeName], readonly MappingPreset[]];
  'jobs:validate': [[jobId: string, path: string, recordType: RecordTypeName], ValidationReport];
  'jobs:convert': [[jobId: string, request: ConvertRequest], ConversionReport];
  'jobs:cancel': [[jobId: string], boolean];
  'jobs:export-errors': [[jobId: string], string];
  'uploads:start': [[request: UploadRequest], UploadState];
  'uploads:cancel': [[id: string], boolean];
  'history:list': [[], readonly HistoryEntry[]];
  'feeds:list': [[], FeedsOverview];
  'feeds:add': [[settings: FeedSettings], FeedsOverview];
  'feeds:set-paused': [[id: string, paused: boolean], FeedsOverview];
  'feeds:remove': [[id: string], FeedsOverview];
  /** The host's folder chooser; null when cancelled (or when the host has none). */
  'feeds:choose-folder': [[], string | null];
  'shell:open-external': [[url: string], boolean];
}

/** Events pushed from main to the window: name to payload. */
export interface EventChannels {
  'uploads:state': UploadStateEvent;
  'jobs:progress': JobProgress;
  /** A watched folder changed state or handled a file. */
  'feeds:changed': FeedsOverview;
}

export type InvokeChannel = keyof InvokeChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C][0];
export type InvokeResult<C extends InvokeChannel> = InvokeChannels[C][1];
export type EventChannel = keyof EventChannels;

/** The list of channels, for handlers that must register every one (checked against the map). */
export const INVOKE_CHANNELS = [
  'settings:get', 'settings:update', 'sandbox:status', 'token:status', 'token:save', 'token:clear', 'token:check',
  'files:inspect', 'files:check-name', 'files:release', 'preview:csv', 'mapping:suggest', 'schema:fields',
  'presets:list', 'presets:save', 'presets:delete', 'jobs:validate',
  'jobs:convert', 'jobs:cancel', 'jobs:export-errors', 'uploads:start', 'uploads:cancel',
  'history:list', 'feeds:list', 'feeds:add', 'feeds:set-paused', 'feeds:remove', 'feeds:choose-folder', 'shell:open-external',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = ['uploads:state', 'jobs:progress', 'feeds:changed'] as const satisfies readonly EventChannel[];
