/** `lexer-upload history`: the run log as lines, JSON objects or CSV. */
import { resolve } from 'node:path';
import { configDir, historyFile } from '../engine/config/paths.js';
import { historyCsv, historyRow, readRunLog, type HistoryRow } from '../engine/history/history-export.js';
import { escapeName } from '../engine/text/shown-text.js';
import { EXIT, UsageError, formatBytes, formatCount, printJson, say } from './output.js';

/**
 * One upload in a line a person scans. A file's name is whatever landed in a watched folder: its
 * line breaks and controls are written out (`<U+000A>`), so one upload is always one line.
 */
function line(r: HistoryRow): string {
  const where = r.datasetId ? `dataset ${r.datasetId} (${r.recordType ?? '?'})` : 'Lexer staff';
  const records = r.recordsSent === null ? '' : ` · ${formatCount(r.recordsSent)} records${r.recordsLeftOut ? `, ${formatCount(r.recordsLeftOut)} left out` : ''}`;
  const ids = r.uploadIds.length === 0 ? '' : ` · upload id${r.uploadIds.length > 1 ? 's' : ''} ${r.uploadIds.join(', ')}`;
  const error = r.errorMessage ? ` · ${r.errorMessage}` : '';
  return escapeName(`${r.when}  ${r.outcome.padEnd(11)} ${r.file} as ${r.sentAs} → ${where}${r.destination.startsWith('sandbox') ? ' [sandbox]' : ''} · ${formatBytes(r.bytes)}${records}${ids}${r.feed ? ` · folder ${r.feed}` : ''}${error}`);
}

/** Prints the uploads the options select; 0 even when there are none (an empty log is an answer). */
export async function runHistory(o: { since?: Date; feed?: string; json?: boolean; csv?: boolean }): Promise<number> {
  if (o.json && o.csv) throw new UsageError('Give --json or --csv, not both.');
  // A path is compared as the absolute path History keeps; a bare name matches the folder's name.
  const feed = o.feed === undefined ? undefined : /[\\/]/.test(o.feed) ? resolve(o.feed) : o.feed;
  const rows = (await readRunLog(historyFile(configDir()), { since: o.since, feed })).map(historyRow);
  if (o.csv) process.stdout.write(await historyCsv(rows));
  else if (o.json) for (const r of rows) printJson(r);
  else if (rows.length === 0) say('No uploads match.');
  else for (const r of rows) say(line(r));
  return EXIT.ok;
}
