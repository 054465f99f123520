/** What a watched folder's row says about the files it handled: the last one, and those waiting in failed/. */
import type { FeedFailure, FeedLastFile } from '../../contract/feeds.js';
import type { FeedEvent } from '../../engine/feeds/feed-events.js';
import { escapeName } from '../../engine/text/shown-text.js';

/** The last-file line for an event that ends a file's turn; null for the others. */
export function lastFile(e: FeedEvent): Omit<FeedLastFile, 'at'> | null {
  const line = lineFor(e);
  // Whatever landed in the folder: its controls and bidirectional controls written out.
  return line && { ...line, name: escapeName(line.name), message: escapeName(line.message) };
}

function lineFor(e: FeedEvent): Omit<FeedLastFile, 'at'> | null {
  const name = 'file' in e && e.file ? e.file.split(/[\\/]/).pop() ?? e.file : '';
  switch (e.kind) {
    case 'sent':
      return { name, result: 'sent', message: `Sent as ${e.filename}${e.uploadIds.length === 1 ? ` (upload id ${e.uploadIds[0]})` : ''}.` };
    case 'duplicate':
      return { name, result: 'not-sent-again', message: `${e.message} It was not sent again.` };
    case 'failed':
      return { name, result: 'failed', message: `${e.error.message} ${e.errorFile ? `It is in the failed folder, with the reason in ${e.errorFile.split(/[\\/]/).pop()}.` : e.movedTo === e.file ? 'It was left in the folder.' : 'It is in the failed folder.'}` };
    case 'not-taken':
      return { name, result: 'not-taken', message: e.message };
    case 'retry-later':
      return { name, result: 'will-retry', message: `${e.error.message} Trying again in ${Math.round(e.delayMs / 1000)} s.` };
    case 'interrupted':
      return { name, result: 'interrupted', message: 'Stopped before it was sent; it is still in the folder.' };
    default:
      return null;
  }
}

/**
 * A file of failed/ as its row shows it: whoever wrote it named it, so its controls and
 * bidirectional controls are written out. The stored name stays as it is on disk, to find it.
 */
export function shownFailure(f: FeedFailure): FeedFailure {
  return { ...f, name: escapeName(f.name), message: escapeName(f.message), hint: f.hint === null ? null : escapeName(f.hint), errorFile: escapeName(f.errorFile) };
}
