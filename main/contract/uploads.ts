/** An upload as the window starts it and follows it: its request, progress, parts and end state. */
import type { RecordTypeName } from '../engine/schemas/record-type-names.js';
import type { ErrorInfo } from './result.js';

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
  /** Rows of the source (orders, when grouped) left out because they broke the record type. */
  readonly leftOut: number;
  /** Rows read from the source (orders, when grouped). */
  readonly total: number;
  /** Lines of the CSV read when its rows were grouped into orders; null otherwise. */
  readonly lines: number | null;
  /** Invalid optional fields left out of records that were kept, and which fields (most often first). */
  readonly fieldsLeftOut: number;
  readonly leftOutFields: readonly string[];
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

/** One part of a file sent in parts: each is requested, sent and loaded by Lexer on its own. */
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
