/**
 * The run log: every upload History knows, the journal and its archives together, as rows with
 * the same columns for `lexer-upload history` (text, --json, --csv) and the app's Export. Enough
 * to answer "did Tuesday's file land?": when, which file and under what name, where it went, how
 * it ended, the records and bytes sent, Lexer's upload ids, the watched folder, the content hash.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeContentHash } from '../dedupe/content-hash.js';
import { readArchives } from './history-archive.js';
import type { HistoryEntry } from './history-entry.js';
import { parseJournal } from './history-journal.js';

/** The columns, in order (the CSV's header, the JSON objects' keys). */
export const HISTORY_COLUMNS = [
  'when', 'finishedAt', 'file', 'sentAs', 'destination', 'datasetId', 'recordType', 'outcome', 'recordsSent', 'recordsLeftOut',
  'lines', 'bytes', 'uploadIds', 'feed', 'contentHash', 'historyId', 'errorCode', 'errorMessage',
] as const;

/** One upload as the run log shows it. */
export interface HistoryRow {
  /** When it was started (ISO 8601). */
  readonly when: string;
  readonly finishedAt: string | null;
  /** The person's file, and the name it was sent under. */
  readonly file: string;
  readonly sentAs: string;
  /** The API it went through, or "sandbox <url>" for one on this computer. */
  readonly destination: string;
  /** Null: for Lexer staff. */
  readonly datasetId: string | null;
  readonly recordType: string | null;
  /** Success, Failed, Cancelled, In Progress, Pending, or Interrupted (the app or command stopped mid-way). */
  readonly outcome: string;
  /** Records sent and rows left out, or orders when the CSV's rows were grouped into orders (then `lines` counts its lines). */
  readonly recordsSent: number | null;
  readonly recordsLeftOut: number | null;
  readonly lines: number | null;
  /** Bytes sent (compressed, when it was). */
  readonly bytes: number;
  /** Lexer's upload id, or one per part (empty for a part not sent). */
  readonly uploadIds: readonly string[];
  readonly feed: string | null;
  /** The hash of the file's bytes as read to send it, named by its algorithm: `xxh3-128:…` (or `sha256:…` from older versions). */
  readonly contentHash: string | null;
  readonly historyId: string;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

/** Which uploads: started at or after `since`, sent by the watched folder `feed` (its path, or its folder's name). */
export interface HistoryQuery {
  readonly since?: Date | undefined;
  readonly feed?: string | undefined;
}

/** The row of one entry. */
export function historyRow(e: HistoryEntry): HistoryRow {
  const destination = e.sandbox ? `sandbox${e.apiUrl ? ` ${e.apiUrl}` : ''}` : e.apiUrl ?? '';
  return {
    when: e.createdAt, finishedAt: e.finishedAt, file: e.sourceName ?? basename(e.filePath), sentAs: e.filename, destination,
    datasetId: e.datasetId, recordType: e.recordType, outcome: e.interrupted ? 'Interrupted' : e.status,
    recordsSent: e.recordsSent ?? null, recordsLeftOut: e.recordsLeftOut ?? null, lines: e.lines ?? null, bytes: e.bytes,
    uploadIds: e.parts && e.parts.length > 1 ? e.parts.map((p) => p.uploadId ?? '') : e.uploadId ? [e.uploadId] : [],
    feed: e.feed ?? null, contentHash: describeContentHash(e), historyId: e.id, errorCode: e.error?.code ?? null, errorMessage: e.error?.message ?? null,
  };
}

/** Whether `e` answers `q`. */
export function matchesQuery(e: HistoryEntry, q: HistoryQuery): boolean {
  if (q.since && new Date(e.createdAt) < q.since) return false;
  if (q.feed !== undefined && (e.feed === undefined || e.feed === null || (e.feed !== q.feed && basename(e.feed) !== q.feed))) return false;
  return true;
}

/**
 * Every upload of the journal at `file` and its archives that answers `q`, newest first. The
 * journal is read as it is on disk (nothing is written); its entry wins over an archived copy.
 */
export async function readRunLog(file: string, q: HistoryQuery = {}): Promise<HistoryEntry[]> {
  const journal = parseJournal(await readFile(file, 'utf8').catch(() => '')) ?? [];
  const all = await readArchives(file, q.since);
  for (const e of journal) all.set(e.id, e);
  return [...all.values()].filter((e) => matchesQuery(e, q)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The rows as CSV (a header, then one line per upload; upload ids space-separated; formulas escaped for spreadsheets). */
export async function historyCsv(rows: readonly HistoryRow[]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const data = rows.map((r) => HISTORY_COLUMNS.map((c) => (c === 'uploadIds' ? r.uploadIds.join(' ') : r[c] ?? '')));
  return `${Papa.unparse({ fields: [...HISTORY_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
