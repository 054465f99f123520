import type { HistoryEntry } from '../history/upload-history.js';
import { diskBytes, type FileBytes } from './file-bytes.js';
import { CONTENT_HASH_ALGORITHM, hashFile, type ContentHash } from './content-hash.js';
import { fingerprintFile } from './fingerprint.js';
import { connectionPhrase, sameConnection, type UploadConnection } from './upload-connection.js';

/** Where an upload goes: a dataset's record type (automatic load), or Lexer staff's inbox. */
export type UploadDestination = { datasetId: string; recordType: string } | null;

/** The earlier upload of the same content to the same destination. */
export interface DuplicateMatch {
  /** When it finished (ISO 8601). */
  sentAt: string;
  /** The name it was sent under (the whole file's name when it went in parts). */
  filename: string;
  /** Lexer's upload ids: one, or one per part. */
  uploadIds: string[];
  entry: HistoryEntry;
}

export interface DuplicateCheck {
  /** The file's fingerprint, to record in History with the upload. */
  fingerprint: string;
  /** The whole file's content hash when it had to be computed (a fingerprint matched), else null: no whole read was needed. */
  contentHash: ContentHash | null;
  match: DuplicateMatch | null;
}

function sameDestination(entry: HistoryEntry, destination: UploadDestination): boolean {
  if (destination === null) return entry.datasetId === null && entry.recordType === null;
  return entry.datasetId === destination.datasetId && entry.recordType === destination.recordType;
}

/** Whether `e` has a whole-file hash this guard can compare: the content hash, or the sha256 of entries written before it. */
function hashed(e: HistoryEntry): boolean {
  return e.contentHash?.algorithm === CONTENT_HASH_ALGORITHM || (e.contentHash === undefined && e.sourceSha256 !== undefined);
}

/**
 * Looks `path` up in History before sending: the same content already sent
 * successfully to the same destination through the same connection, under any name. The fingerprint (size, first and last
 * MiB) is compared first; the whole file is hashed only when some earlier upload has the same
 * fingerprint, so a new file costs two 1 MiB reads. Entries written before the content hash kept
 * a sha256: it is taken too (in the same read) only when one of those matched the fingerprint.
 * The newest matching upload is returned.
 * `known` is the file's fingerprint when the caller took it already (of the file as it is now):
 * its ends are not read again.
 */
export async function findDuplicate(
  path: string, destination: UploadDestination, connection: UploadConnection, entries: readonly HistoryEntry[], bytes: FileBytes = diskBytes, known: string | null = null,
): Promise<DuplicateCheck> {
  const fingerprint = known ?? await fingerprintFile(path, bytes);
  const candidates = entries.filter((e) => e.status === 'Success' && e.fingerprint === fingerprint && hashed(e)
    && sameDestination(e, destination) && sameConnection(e, connection));
  if (candidates.length === 0) return { fingerprint, contentHash: null, match: null };
  const now = await hashFile(path, { contentHash: candidates.some((e) => e.contentHash), sha256: candidates.some((e) => !e.contentHash) }, bytes);
  const entry = candidates
    .filter((e) => (e.contentHash ? e.contentHash.value === now.contentHash?.value : e.sourceSha256 === now.sha256))
    .sort((a, b) => (b.finishedAt ?? b.createdAt).localeCompare(a.finishedAt ?? a.createdAt))[0];
  const { contentHash } = now;
  if (!entry) return { fingerprint, contentHash, match: null };
  const uploadIds = entry.parts?.length ? entry.parts.flatMap((p) => (p.uploadId === null ? [] : [p.uploadId])) : entry.uploadId === null ? [] : [entry.uploadId];
  return { fingerprint, contentHash, match: { sentAt: entry.finishedAt ?? entry.createdAt, filename: entry.filename, uploadIds, entry } };
}

/**
 * The sentence the app and the CLI show: "This file was already sent to https://api.lexer.io on
 * 26 Nov 2026 at 14:02 as customers-20261126-v1.ndjson.gz (upload id 4711)." It names the
 * connection (the sandbox on this computer, or the API URL) when History knows it. In the local
 * time zone unless one is given.
 */
export function describeDuplicate(match: DuplicateMatch, timeZone?: string): string {
  const when = new Date(match.sentAt);
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(when);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(when);
  const ids = match.uploadIds;
  const idText = ids.length === 0 ? '' : ids.length === 1 ? ` (upload id ${ids[0]})` : ` (${ids.length} parts, upload ids ${ids.join(', ')})`;
  const where = connectionPhrase(match.entry);
  return `This file was already sent${where ? ` ${where}` : ''} on ${date} at ${time} as ${match.filename}${idText}.`;
}
