/**
 * Retry sends only the parts not sent yet: a failed part is retried alone, and the others are not
 * sent again. Preparing is deterministic (same bytes, part size and gzip level give the
 * same parts, byte for byte), so an earlier try of the same content, cut the same way, names
 * exactly the parts Lexer already has.
 */
import type { ContentHash } from '../dedupe/content-hash.js';
import { sameConnection, type UploadConnection } from '../dedupe/upload-connection.js';
import type { HistoryEntry } from '../history/upload-history.js';
import type { SendDestination } from './send-types.js';

/** What a try is cut by: the content's fingerprint, where it goes (and through which API), and the plan. */
export interface ResumeKey {
  fingerprint: string;
  destination: SendDestination | null;
  /** Parts sent through another connection (the sandbox, another API URL) are not there. */
  connection: UploadConnection;
  partBytes: number;
  gzipLevel: number | null;
}

function sameDestination(e: HistoryEntry, d: SendDestination | null): boolean {
  return d === null ? e.datasetId === null : e.datasetId === d.datasetId && e.recordType === d.recordType;
}

/**
 * The newest try of the same content, cut the same way, that ended before every part was sent
 * (failed, cancelled or cut off by a crash) with some parts sent: null when there is none.
 */
export function findResumable(entries: readonly HistoryEntry[], key: ResumeKey): HistoryEntry | null {
  const candidates = entries.filter((e) => (e.status === 'Failed' || e.status === 'Cancelled')
    && e.fingerprint === key.fingerprint && sameDestination(e, key.destination) && sameConnection(e, key.connection)
    && e.plan?.partBytes === key.partBytes && e.plan.gzipLevel === key.gzipLevel
    && (e.parts?.length ?? 0) > 1 && e.parts?.some((p) => p.status === 'Success' && p.uploadId !== null));
  return candidates.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

/**
 * The parts of `earlier` this try need not send: only when the parts just prepared are the same
 * (the whole file's content hash, the count, and each sent part's size). Else none (send them all:
 * also after an earlier try recorded only a sha256, which this try does not take).
 */
export function partsSentBefore(
  earlier: HistoryEntry | null,
  prepared: { contentHash: ContentHash | null; parts: readonly { index: number; bytes: number }[] },
): Map<number, string> {
  const sent = new Map<number, string>();
  const same = earlier?.contentHash !== undefined && earlier.contentHash.algorithm === prepared.contentHash?.algorithm && earlier.contentHash.value === prepared.contentHash.value;
  if (!earlier?.parts || !same) return sent;
  if (earlier.parts.length !== prepared.parts.length) return sent;
  for (const part of earlier.parts) {
    const now = prepared.parts.find((p) => p.index === part.index);
    if (!now || now.bytes !== part.bytes) return new Map();
    if (part.status === 'Success' && part.uploadId !== null) sent.set(part.index, part.uploadId);
  }
  return sent;
}
