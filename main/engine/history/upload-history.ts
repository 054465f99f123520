import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { pidAlive } from '../config/pid-alive.js';
import { archiveEntries } from './history-archive.js';
import type { HistoryEntry, NewHistoryEntry } from './history-entry.js';
import { parseJournal, serializeJournal } from './history-journal.js';

export type { HistoryEntry, HistoryPart, NewHistoryEntry, UploadStatus } from './history-entry.js';

/** The upload journal: newest first, every change written to disk atomically. */
export interface UploadHistory {
  list(): HistoryEntry[];
  add(e: NewHistoryEntry): Promise<HistoryEntry>;
  update(id: string, patch: Partial<HistoryEntry>): Promise<HistoryEntry>;
  /** Re-reads the journal from disk, so entries another process wrote (`lexer-upload`) appear. */
  refresh(): Promise<void>;
  /** Things the user should know from opening (e.g. a corrupt journal was set aside). */
  readonly warnings: readonly string[];
}

/** Journal instances open in this process; an entry owned by a closed-over instance is orphaned. */
const liveInstances = new Set<string>();

/** Whether nobody can finish this entry any more: its owner process (or instance) is gone. */
function isOrphaned(e: HistoryEntry): boolean {
  if (!e.owner) return true;
  if (e.owner.pid === process.pid) return !liveInstances.has(e.owner.instance);
  return !pidAlive(e.owner.pid);
}

/** Reads the journal's entries as another process may have left them; [] when absent or unreadable. */
async function readEntries(file: string): Promise<HistoryEntry[]> {
  const raw = await readFile(file, 'utf8').catch(() => null);
  return (raw === null ? null : parseJournal(raw)) ?? [];
}

/**
 * Oldest entries beyond this leave the journal, so it stays small and fast to read at start and to
 * rewrite at each change; they go to the dated archives (history-archive.ts), which the run log
 * and the export read, so years of daily feeds are all kept without slowing the app.
 */
export const MAX_HISTORY_ENTRIES = 1000;

const INTERRUPTED = {
  code: 'interrupted',
  message: 'The app stopped while this upload was in progress; it did not finish.',
  hint: 'Upload the file again.',
} as const;

/**
 * Opens (or starts) the journal at `file`.
 *
 * Entries left Pending or In Progress by a process that is gone (a crash) become Failed with
 * `interrupted: true`: nothing else can finish them, since a single S3 PUT cannot resume. An
 * entry whose process still runs (the app and `lexer-upload` side by side) is left alone.
 * A journal that cannot be read as JSON is moved aside to `<file>.corrupt-<ts>` and a fresh one
 * started, with a warning. Writes are serialized through one promise chain, and each write
 * merges this instance's entries into what is on disk, so two processes do not erase each other.
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

  const instance = randomUUID();
  liveInstances.add(instance);
  const owner = { pid: process.pid, instance };
  // Ids this instance added or changed: on a write, ours win and everything else is taken from disk.
  const mine = new Set<string>();
  /** Marks entries nobody can finish any more as interrupted; whether any changed. */
  const markOrphans = (): boolean => {
    const now = new Date().toISOString();
    let changed = false;
    entries = entries.map((e) => {
      if ((e.status !== 'Pending' && e.status !== 'In Progress') || !isOrphaned(e)) return e;
      mine.add(e.id);
      changed = true;
      return { ...e, status: 'Failed', interrupted: true, finishedAt: e.finishedAt ?? now, error: { ...INTERRUPTED } };
    });
    return changed;
  };
  const recovered = markOrphans();

  let chain: Promise<void> = Promise.resolve();
  /** Entries pushed out of the list by an add, until the next write archives them. */
  let overflow: HistoryEntry[] = [];
  const persist = (): Promise<void> => {
    // A failed write must not block later ones: each link starts from a settled promise.
    chain = chain.catch(() => undefined).then(async () => {
      const onDisk = await readEntries(file);
      // Taken after the read: an add or update made while it was pending must not be lost.
      const ours = entries.filter((e) => mine.has(e.id));
      const theirs = onDisk.filter((e) => !mine.has(e.id));
      const all = [...ours, ...theirs, ...overflow].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      // Archived before the journal is rewritten without them: a crash between keeps them twice, never none.
      const ids = new Set<string>();
      const unique = all.filter((e) => !ids.has(e.id) && ids.add(e.id));
      entries = unique.slice(0, MAX_HISTORY_ENTRIES);
      overflow = [];
      await archiveEntries(file, unique.slice(MAX_HISTORY_ENTRIES));
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, serializeJournal(entries), { mode: 0o600 });
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
      // Absolute, so a Retry from the app works for an upload `lexer-upload` made with a relative path.
      const entry: HistoryEntry = {
        id: randomUUID(), uploadId: null, status: 'Pending', createdAt: new Date().toISOString(), startedAt: null,
        finishedAt: null, error: null, interrupted: false, ...input, filePath: resolve(input.filePath), owner,
      };
      mine.add(entry.id);
      entries = [entry, ...entries];
      overflow.push(...entries.slice(MAX_HISTORY_ENTRIES));
      entries = entries.slice(0, MAX_HISTORY_ENTRIES);
      await persist();
      return { ...entry };
    },
    async refresh() {
      const read = async (): Promise<void> => {
        const onDisk = await readEntries(file);
        const ours = entries.filter((e) => mine.has(e.id));
        const theirs = onDisk.filter((e) => !mine.has(e.id));
        entries = [...ours, ...theirs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_HISTORY_ENTRIES);
      };
      // In the write chain, so a read never interleaves with this instance's own write.
      chain = chain.catch(() => undefined).then(read);
      await chain;
      // A `lexer-upload` that died mid-upload left its entry In Progress: nothing will finish it.
      if (markOrphans()) await persist();
    },
    async update(id, patch) {
      const i = find(id);
      const entry = { ...(entries[i] as HistoryEntry), ...patch, id };
      mine.add(id);
      entries = entries.map((e, j) => (j === i ? entry : e));
      await persist();
      return { ...entry };
    },
  };
}
