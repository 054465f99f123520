/** History as the window lists it: one entry per upload, one line per part. */
import type { RecordTypeName } from '../engine/schemas/record-type-names.js';
import type { ErrorInfo } from './result.js';

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
  /** For a converted file: records sent and rows (orders, when grouped) left out; null otherwise. */
  readonly recordsSent: number | null;
  readonly recordsLeftOut: number | null;
  /** Lines of the CSV read when its rows were grouped into orders; null otherwise. */
  readonly lines: number | null;
  /** Invalid optional fields left out of records that were sent, and which fields. */
  readonly fieldsLeftOut: number;
  readonly leftOutFields: readonly string[];
  /** Compressed on the way: `bytes` is what was sent, `sourceBytes` the file's own size. */
  readonly compressed: boolean;
  readonly sourceBytes: number | null;
  /** One line per part when the file went in parts; null otherwise. */
  readonly parts: readonly HistoryPart[] | null;
  /** The watched folder that sent it; null for a file sent by hand. */
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
