/**
 * The one upload sequence's vocabulary (main/engine/send/send-file.ts): what to send, what it reports on
 * the way, and how it ended. The CLI, the app and the folder watcher all speak it.
 */
import type { RateLimiter } from '../api/rate-limiter.js';
import type { ContentHash } from '../dedupe/content-hash.js';
import type { DuplicateMatch } from '../dedupe/find-duplicate.js';
import type { LexerError } from '../errors.js';
import type { ConversionRecord } from '../history/conversion-ledger.js';
import type { UploadHistory, UploadStatus } from '../history/upload-history.js';
import type { Framing, ValidationResult } from '../pipeline/validate-ndjson.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import type { TransferProgress } from '../upload/upload-events.js';
import type { UploadFileOptions } from '../upload/upload-file.js';
import type { UploadQueue } from '../upload/upload-queue.js';
import type { TakenFingerprint } from './taken-fingerprint.js';

/** A dataset's record type (Lexer loads the NDJSON itself); null sends to Lexer staff. */
export interface SendDestination {
  readonly datasetId: string;
  readonly recordType: RecordTypeName;
}

/**
 * Checking records first: not at all; refuse a file with any invalid record (the app's "check
 * every record"); or as `upload --validate` does, also sending a cleaned copy when blank lines
 * and byte-order marks are the only problems.
 */
export type ValidateMode = 'off' | 'all-valid' | 'all-valid-or-clean';

/** One file to send. */
export interface SendRequest {
  /** The file sent: the person's own, or a conversion's output. */
  readonly path: string;
  /** Where History says the file is, when `path` is another name for it (a watched folder reads the file it checked through its own descriptor). */
  readonly filePath?: string;
  /** How messages name it (the path typed, or the file's own name in the app). */
  readonly label: string;
  /** The name to send under, checked against Lexer's rules; `.gz` is added when it is compressed here. */
  readonly filename: string;
  readonly destination: SendDestination | null;
  /** Compress on the way; unset: on for NDJSON, off for CSV and JSON. A gzip file is never compressed again. */
  readonly gzip?: boolean;
  readonly gzipLevel?: number;
  /** Most bytes one part may have as sent (default: S3's 5 GiB per PUT). */
  readonly partBytes?: number;
  readonly validate: ValidateMode;
  /** Send even when History shows the same content already sent to the same destination. */
  readonly allowDuplicate: boolean;
  /** History's title: the file the person chose (the CSV of a conversion); default the file's own name. */
  readonly sourceName?: string;
  /** The app card that sent it, for History's Retry. */
  readonly requestId?: string | null;
  /** The watched folder that sent it, as History names it. */
  readonly feed?: string;
  /**
   * The fingerprint of `path` its caller took already (a watched folder, to hold a copy back while
   * its twin is sent): the duplicate guard uses it while the file is unchanged since.
   */
  readonly fingerprint?: TakenFingerprint;
}

/** What every send of a run shares. */
export interface SendContext {
  readonly apiUrl: string;
  readonly token: string;
  readonly limiter: RateLimiter;
  /** Preparing a file takes a slot, then each part takes one (ahead of files still waiting). */
  readonly queue: UploadQueue;
  readonly history: UploadHistory | null;
  /** The API is on this computer (a sandbox), not Lexer. */
  readonly sandbox: boolean;
  /** Where conversions note what they left out (conversion-ledger.ts). */
  readonly ledgerDir: string;
  /** Where compressed copies and parts are written (the app's cache folder; the system's for the CLI). */
  readonly tempRoot?: string;
  /** Who reads the messages for files Lexer cannot load. */
  readonly audience: 'app' | 'cli';
  readonly signal: AbortSignal;
  readonly proxyFor?: ((url: string) => Promise<string | null>) | undefined;
  /** Engine knobs tests turn down (retry backoff, stall timeout). */
  readonly tuning?: Pick<UploadFileOptions, 'maxAttempts' | 'stallTimeoutMs' | 'retryBaseMs'> | undefined;
  onEvent(e: SendEvent): void;
  /** A History write failed; the upload goes on. */
  onHistoryError?: (error: unknown) => void;
}

/** One PUT: the whole file (count 1) or one of its parts. */
export interface PartRef {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  readonly filename: string;
  readonly bytes: number;
}

/** The parts as planned, before the first is sent. */
export interface PartsPlan {
  readonly parts: readonly PartRef[];
  /** Bytes sent, all parts together. */
  readonly sentBytes: number;
  readonly sourceBytes: number;
  readonly compressed: boolean;
  /** Parts an earlier try of the same file already sent (Retry sends only the others), with their upload ids. */
  readonly earlier: readonly { readonly index: number; readonly uploadId: string }[];
}

/** What a send reports while it runs. */
export type SendEvent =
  | { readonly kind: 'checking-duplicate' }
  /** In History as Pending, waiting for a free slot in the queue. */
  | { readonly kind: 'queued' }
  | { readonly kind: 'validating'; readonly lines: number; readonly bytesRead: number; readonly totalBytes: number }
  /** A cleaned copy replaces the file: blank lines and byte-order marks were its only problems. */
  | { readonly kind: 'cleaned'; readonly framing: Framing }
  | { readonly kind: 'compressing'; readonly bytesRead: number; readonly totalBytes: number; readonly bytesWritten: number }
  | { readonly kind: 'splitting'; readonly bytesRead: number; readonly totalBytes: number; readonly bytesWritten: number; readonly parts: number }
  | ({ readonly kind: 'parts-planned' } & PartsPlan)
  /** The file passed its checks and is being sent (History: In Progress). */
  | { readonly kind: 'started'; readonly bytes: number }
  | { readonly kind: 'requesting-url'; readonly attempt: number; readonly part: PartRef }
  | { readonly kind: 'uploading'; readonly attempt: number; readonly progress: TransferProgress; readonly part: PartRef }
  | { readonly kind: 'retrying'; readonly attempt: number; readonly reason: string; readonly delayMs: number; readonly part: PartRef }
  | { readonly kind: 'part-done'; readonly part: PartRef; readonly uploadId: string }
  | { readonly kind: 'part-failed'; readonly part: PartRef; readonly error: LexerError };

/** How one part ended. */
export interface PartResult {
  readonly index: number;
  readonly filename: string;
  readonly bytes: number;
  readonly status: UploadStatus;
  readonly uploadId: string | null;
  /** Sent by an earlier try (a Retry sent only the others). */
  readonly earlier: boolean;
}

/** How a send ended; {@link sendFile} never throws. */
export type SendOutcome =
  | {
    readonly kind: 'success';
    /** The name sent (the whole file's, `.gz` included; parts carry their own). */
    readonly filename: string;
    /** Lexer's upload id; null when the file went in parts (each part has its own). */
    readonly uploadId: string | null;
    /** Bytes sent, all parts together. */
    readonly bytes: number;
    readonly sourceBytes: number;
    readonly compressed: boolean;
    readonly parts: readonly PartResult[];
    readonly conversion: ConversionRecord | null;
    /** What was removed when a cleaned copy was sent instead; else null. */
    readonly cleaned: Framing | null;
    /** The content hash of the source's bytes, as History records it (null when it could not be taken). */
    readonly contentHash: ContentHash | null;
    /** The History entry written for it (null without a History, or when writing it failed). */
    readonly historyId: string | null;
  }
  | { readonly kind: 'failed'; readonly error: LexerError; readonly validation: ValidationResult | null; readonly parts: readonly PartResult[] | null; readonly historyId: string | null }
  | { readonly kind: 'cancelled'; readonly error: LexerError; readonly parts: readonly PartResult[] | null; readonly historyId: string | null }
  /** The same content already went to the same destination: nothing was sent, and History has no entry for it. */
  | { readonly kind: 'duplicate'; readonly error: LexerError; readonly match: DuplicateMatch };
