/**
 * One upload's History entry, written as the send goes (Pending -> In Progress -> Success /
 * Failed / Cancelled, with a line per part). A failing disk is reported once and never fails the
 * upload: the person still learns how it ended.
 */
import type { LexerError } from '../errors.js';
import type { HistoryEntry, NewHistoryEntry, UploadHistory } from '../history/upload-history.js';

export type HistoryPatch = Partial<HistoryEntry>;

/** Writes to one entry; does nothing without a history. */
export interface EntryWriter {
  readonly id: string | null;
  update(patch: HistoryPatch): Promise<void>;
}

/** Adds the entry (Pending) and returns its writer. */
export async function openEntry(history: UploadHistory | null, entry: NewHistoryEntry, onError: (error: unknown) => void): Promise<EntryWriter> {
  if (!history) return { id: null, update: async () => {} };
  let id: string | null = null;
  try {
    id = (await history.add(entry)).id;
  } catch (error) {
    onError(error);
  }
  return {
    id,
    async update(patch) {
      if (id) await history.update(id, patch).catch(onError);
    },
  };
}

/**
 * Adds the entry of a file refused before it was sent (Failed, with the reason), so History lists
 * it beside the ones that went; returns its id (null without a history, or when writing failed).
 */
export async function recordNotSent(history: UploadHistory | null, entry: NewHistoryEntry, error: LexerError, onError: (error: unknown) => void): Promise<string | null> {
  if (!history) return null;
  try {
    return (await history.add({ ...entry, status: 'Failed', error: error.toJSON(), finishedAt: new Date().toISOString() })).id;
  } catch (thrown) {
    onError(thrown);
    return null;
  }
}
