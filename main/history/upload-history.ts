import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { parseJournal, serializeJournal } from './history-journal.js';

/** The vendor's job status words (FILE_UPLOAD_API.md, "After the upload"), plus Cancelled. */
export type UploadStatus = 'Pending' | 'In Progress' | 'Success' | 'Failed' | 'Cancelled';

/** One upload as the journal keeps it. */
export interface HistoryEntry {
  id: string; uploadId: string | null; filePath: string; filename: string; datasetId: string | null;
  recordType: RecordTypeName | null; bytes: number; status: UploadStatus; createdAt: string; startedAt: string | null;
  finishedAt: string | null; error: { code: string; message: string; hint?: string } | null; interrupted: boolean;
}

/** What a caller gives to start an entry; the rest is filled in. */
export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'createdAt' | 'startedAt' | 'finishedAt' | 'interrupted' | 'uploadId' | 'error' | 'status'>
  & Partial<HistoryEntry>;

/** The upload journal: newest first, every change written to disk atomically. */
export interface UploadHistory {
  list(): HistoryEntry[];
  add(e: NewHistoryEntry): Promise<HistoryEntry>;
  update(id: string, patch: Partial<HistoryEntry>): Promise<HistoryEntry>;
  /** Things the user should know from opening (e.g. a corrupt journal was set aside). */
  readonly warnings: readonly string[];
}

/** Oldest entries beyond this are dropped so the journal stays small and fast to rewrite. */
export const MAX_HISTORY_ENTRIES = 1000;

const INTERRUPTED = {
  code: 'interrupted',
  message: 'The app stopped while this upload was in progress; it did not finish.',
  hint: 'Upload the file again.',
} as const;

/**
 * Opens (or starts) the journal at `file`.
 *
 * Entries left Pending or In Progress by a crash become Failed with `interrupted: true`: nothing
 * else can finish them, since a single S3 PUT cannot resume. A journal that cannot be read as
 * JSON is moved aside to `<file>.corrupt-<ts>` and a fresh one started, with a warning.
 * Writes are serialized through one promise chain so concurrent updates never interleave.
 */
export async function openHistory(file: string): Promise<UploadHistory> {
  const warnings: string[] = [];
  let entries: HistoryEntry[] = [];
  let raw: string | null = null;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (raw !== null) {
    const parsed = parseJournal(raw);
    if (parsed) {
      entries = parsed;
    } else {
      const aside = `${file}.corrupt-${Date.now()}`;
      await rename(file, aside);
      warnings.push(`The upload history (${file}) could not be read, so it was moved to ${aside} and a new one started.`);
    }
  }

  const now = new Date().toISOString();
  let recovered = false;
  entries = entries.map((e) => {
    if (e.status !== 'Pending' && e.status !== 'In Progress') return e;
    recovered = true;
    return { ...e, status: 'Failed', interrupted: true, finishedAt: e.finishedAt ?? now, error: { ...INTERRUPTED } };
  });

  let chain: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    const snapshot = serializeJournal(entries);
    // A failed write must not block later ones: each link starts from a settled promise.
    chain = chain.catch(() => undefined).then(async () => {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, snapshot, { mode: 0o600 });
    });
    return chain;
  };
  if (recovered || warnings.length > 0) await persist();

  const find = (id: string): number => {
    const i = entries.findIndex((e) => e.id === id);
    if (i < 0) throw new Error(`No upload history entry with id ${id}.`);
    return i;
  };

  return {
    warnings,
    list: () => entries.map((e) => ({ ...e })),
    async add(input) {
      const entry: HistoryEntry = {
        id: randomUUID(), uploadId: null, status: 'Pending', createdAt: new Date().toISOString(), startedAt: null,
        finishedAt: null, error: null, interrupted: false, ...input,
      };
      entries = [entry, ...entries].slice(0, MAX_HISTORY_ENTRIES);
      await persist();
      return { ...entry };
    },
    async update(id, patch) {
      const i = find(id);
      const entry = { ...(entries[i] as HistoryEntry), ...patch, id };
      entries = entries.map((e, j) => (j === i ? entry : e));
      await persist();
      return { ...entry };
    },
  };
}
