/**
 * Where History's older entries go instead of being dropped: the journal the app and
 * `lexer-upload` open keeps the newest entries only (it is read at every start and rewritten at
 * every change), and entries past that are appended to dated archives beside it,
 * `history-archive/history-YYYY-MM.ndjson` (one entry per line, by the month it was made), which
 * `lexer-upload history` and the app's Export read with it. Appending never rewrites an archive;
 * an entry written twice (two processes rotating at once) is read once, its last line winning.
 */
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HistoryEntry } from './history-entry.js';
import { parseJournal } from './history-journal.js';

const ARCHIVE_DIR = 'history-archive';
const ARCHIVE_NAME = /^history-(\d{4})-(\d{2})\.ndjson$/;

/** The archives' folder for the journal `file`. */
export const archiveDir = (file: string): string => join(dirname(file), ARCHIVE_DIR);

/** Appends `entries` to the archives of their months. */
export async function archiveEntries(file: string, entries: readonly HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const byMonth = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const month = /^\d{4}-\d{2}/.exec(e.createdAt)?.[0] ?? '0000-00';
    byMonth.set(month, [...(byMonth.get(month) ?? []), e]);
  }
  const dir = archiveDir(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const [month, list] of byMonth) {
    await appendFile(join(dir, `history-${month}.ndjson`), list.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
  }
}

/**
 * Every archived entry whose month is not before `since`'s (all without it), by id. A line
 * that cannot be read (a write cut short) is skipped.
 */
export async function readArchives(file: string, since?: Date): Promise<Map<string, HistoryEntry>> {
  const dir = archiveDir(file);
  const names = await readdir(dir).catch(() => [] as string[]);
  const from = since ? since.toISOString().slice(0, 7) : '';
  const entries = new Map<string, HistoryEntry>();
  for (const name of names.sort()) {
    const m = ARCHIVE_NAME.exec(name);
    if (!m || `${m[1]}-${m[2]}` < from) continue;
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const [entry] = parseJournal(`{"version":1,"entries":[${line}]}`) ?? [];
      if (entry) entries.set(entry.id, entry);
    }
  }
  return entries;
}
