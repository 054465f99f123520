/** One upload as History keeps it: the shapes both the journal and its file format use. */
import type { ContentHash } from '../dedupe/content-hash.js';
import type { ErrorInfo } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';

/** The vendor's job status words (FILE_UPLOAD_API.md, "After the upload"), plus Cancelled. */
export type UploadStatus = 'Pending' | 'In Progress' | 'Success' | 'Failed' | 'Cancelled';

/** One upload as the journal keeps it. */
export interface HistoryEntry {
  id: string; uploadId: string | null; filePath: string; filename: string; datasetId: string | null;
  recordType: RecordTypeName | null; bytes: number; status: UploadStatus; createdAt: string; startedAt: string | null;
  finishedAt: string | null; error: ErrorInfo | null; interrupted: boolean;
  /** The process (and journal instance in it) running this upload, so another process never marks it interrupted. */
  owner?: { pid: number; instance: string };
  /** Sent to a sandbox (the app's embedded one, or an API on this computer), not to Lexer. */
  sandbox?: boolean;
  /** The API it went through, origin and path (absent in entries written before it was kept): the duplicate guard and Retry compare it; messages and the History export name it. */
  apiUrl?: string;
  /** The name of the file the person chose, when it differs from `filePath`'s (a CSV converted to NDJSON). */
  sourceName?: string | null;
  /** The app card that ran the upload, so History's Retry can restart that card instead of adding another. */
  requestId?: string | null;
  /** The watched folder (feed) that sent it, by its path; absent for a file sent by hand. */
  feed?: string | null;
  /** For a converted file: records sent, and rows (orders, when grouped) of the source left out because they were invalid. */
  recordsSent?: number | null;
  recordsLeftOut?: number | null;
  /** Lines of the CSV read when its rows were grouped into orders. */
  lines?: number | null;
  /** For a conversion that kept records without their invalid optional fields: how many fields, and which (most often first). */
  fieldsLeftOut?: number | null;
  leftOutFields?: readonly string[];
  /** The source file's content hash (XXH3-128), from the read that sent or compressed it (the duplicate guard compares it). */
  contentHash?: ContentHash;
  /** sha256 of the source file's bytes, as entries written before `contentHash` kept it (still compared). */
  sourceSha256?: string;
  /** The source's fingerprint (size, sha256 of its first and last MiB; main/engine/dedupe/fingerprint.ts). */
  fingerprint?: string;
  /** One line per part when the file was sent in parts. */
  parts?: HistoryPart[];
  /** Bytes of the file before it was compressed on the way (`bytes` is what was sent). */
  sourceBytes?: number;
  /** Compressed on the way (gzip), so `bytes` is the compressed size. */
  compressed?: boolean;
  /**
   * How it was cut: the part size and the gzip level (null: not compressed here). Preparing is
   * deterministic, so a retry with the same plan makes the same parts and sends only the missing ones.
   */
  plan?: { partBytes: number; gzipLevel: number | null };
}

/** A part of a file sent in parts: each is requested and uploaded on its own. */
export interface HistoryPart {
  index: number; filename: string; status: UploadStatus; bytes: number; uploadId: string | null;
}

/** What a caller gives to start an entry; the rest is filled in. */
export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'createdAt' | 'startedAt' | 'finishedAt' | 'interrupted' | 'uploadId' | 'error' | 'status'>
  & Partial<HistoryEntry>;
