/**
 * `lexer-upload watch`'s output: one line per event, or one JSON object per line with --json.
 * Paths are shown relative to the watched folder; errors carry what to do. A name is whatever
 * landed in the folder (another account's export, say): each line has its line breaks, controls
 * and bidirectional controls written out (`<U+000A>`), so one event is always one line.
 */
import { basename, relative } from 'node:path';
import type { FeedEvent } from '../engine/feeds/feed-events.js';
import type { SendEvent } from '../engine/send/send-types.js';
import { escapeName } from '../engine/text/shown-text.js';
import { formatBytes, formatSeconds, printJson, say } from './output.js';

/** A log that prints each feed event as it happens. */
export interface WatchLog {
  event(e: FeedEvent): void;
  send(file: string, e: SendEvent): void;
  line(text: string): void;
}

function describe(e: FeedEvent, folder: string): string {
  const name = (p: string): string => relative(folder, p) || basename(p);
  const where = (p: string | null, file: string): string => (p === null ? 'deleted' : p === file ? 'left in place' : `moved to ${name(p)}`);
  switch (e.kind) {
    case 'watching':
      return `watching ${e.folder}${e.polling ? ' (polling)' : ''}`;
    case 'folder-missing':
      return `folder missing: ${e.folder} (waiting for it to appear)`;
    case 'waiting':
      return `waiting: ${name(e.file)} (taken once it stops changing)`;
    case 'taken':
      return `sending: ${name(e.file)}`;
    case 'not-taken':
      return `not taken: ${e.message}`;
    case 'sent': {
      const ids = e.uploadIds.length === 1 ? `upload id ${e.uploadIds[0]}` : `${e.uploadIds.length} parts, upload ids ${e.uploadIds.join(', ')}`;
      const left = e.recordsLeftOut ? `; ${e.recordsLeftOut} invalid records left out` : '';
      return `sent: ${name(e.file)} as ${e.filename} (${ids}, ${formatBytes(e.bytes)}${left}); ${where(e.movedTo, e.file)}`;
    }
    case 'duplicate':
      return `not sent again: ${name(e.file)}: ${e.message} ${where(e.movedTo, e.file)}`;
    case 'failed':
      return `failed: ${name(e.file)}: ${e.error.message}${e.error.hint ? ` ${e.error.hint}` : ''} ${e.movedTo === e.file ? 'Left in place' : `Moved to ${name(e.movedTo)}`}${e.errorFile ? ` (reason in ${name(e.errorFile)})` : ''}`;
    case 'retry-later':
      return `will try again in ${formatSeconds(e.delayMs / 1000)}: ${name(e.file)}: ${e.error.message} (attempt ${e.attempt})`;
    case 'kept':
      return `not sent, left for the next run: ${name(e.file)}: ${e.error.message}`;
    case 'interrupted':
      return `stopped before it was sent: ${name(e.file)} (left in place; History marks the attempt Cancelled)`;
    case 'problem':
      return `problem: ${e.message}`;
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

/** A log for `folder`: lines on standard output, or JSON objects with `json`. */
export function createWatchLog(folder: string, json: boolean): WatchLog {
  const time = (): string => new Date().toISOString();
  return {
    event(e) {
      if (json) printJson({ time: time(), event: e.kind, ...Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'kind')) });
      else say(`${time()} ${escapeName(describe(e, folder))}`);
    },
    send(file, e) {
      // Progress stays off the log; a retry is worth a line (what failed, when the next try is).
      if (e.kind !== 'retrying') return;
      if (json) printJson({ time: time(), event: 'retrying', file, attempt: e.attempt, reason: e.reason, delayMs: e.delayMs });
      else say(`${time()} ${escapeName(`retrying: ${relative(folder, file)}: ${e.reason} (attempt ${e.attempt}, in ${formatSeconds(e.delayMs / 1000)})`)}`);
    },
    line(text) {
      if (json) printJson({ time: time(), event: 'note', message: text });
      else say(`${time()} ${escapeName(text)}`);
    },
  };
}
