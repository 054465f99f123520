import type { HistoryEntry, UploadStatus } from './history-entry.js';

/** On-disk shape: versioned so a later format can migrate instead of guessing. */
interface JournalFile { version: 1; entries: HistoryEntry[] }

const STATUSES: readonly UploadStatus[] = ['Pending', 'In Progress', 'Success', 'Failed', 'Cancelled'];

/** Serializes the journal (newest first) as readable JSON. */
export function serializeJournal(entries: readonly HistoryEntry[]): string {
  const file: JournalFile = { version: 1, entries: [...entries] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses the journal file; null when it is not JSON or not our shape (the caller sets it aside). */
export function parseJournal(raw: string): HistoryEntry[] | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const entries = (data as { entries?: unknown }).entries;
  if (!Array.isArray(entries) || !entries.every(isEntry)) return null;
  return entries;
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.filename === 'string' && typeof e.filePath === 'string'
    && typeof e.bytes === 'number' && typeof e.createdAt === 'string' && STATUSES.includes(e.status as UploadStatus);
}
