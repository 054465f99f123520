/**
 * Alerts built from what a watched folder reports, and their shapes on the wire: the JSON a
 * Slack or Microsoft Teams incoming webhook takes as it is (`text`, plus the facts as fields for
 * any other receiver), and a plain-text mail.
 */
import { basename } from 'node:path';
import type { ErrorInfo } from '../errors.js';
import type { Alert } from './alert-types.js';
import { escapeName } from '../text/shown-text.js';
import { countText, localTime, safeAlertText, spanText } from './alert-text.js';

const PRODUCT = 'Lexer Uploader';

type AlertFacts = Omit<Alert, 'time' | 'text' | 'file' | 'filename' | 'error' | 'recordsSent' | 'recordsLeftOut' | 'uploadIds' | 'historyId'>
  & Partial<Pick<Alert, 'filename' | 'recordsSent' | 'recordsLeftOut' | 'uploadIds' | 'historyId'>>
  & { readonly file?: string | null; readonly error?: ErrorInfo | null; readonly text: string; readonly at?: Date };

/**
 * One alert, its text and error made safe to leave this computer. Whoever can write into the
 * folder names its files: a line break or a bidirectional control in a name would forge a line of
 * the mail or reorder the chat message, so each is written out (`<U+202E>`) wherever a name goes.
 */
function makeAlert(f: AlertFacts, token: string | null): Alert {
  return {
    kind: f.kind, feed: f.feed, file: f.file ? escapeName(basename(f.file)) : null, filename: f.filename ? escapeName(f.filename) : null, outcome: f.outcome,
    error: f.error ? { code: f.error.code, message: escapeName(safeAlertText(f.error.message, token)) } : null,
    recordsSent: f.recordsSent ?? null, recordsLeftOut: f.recordsLeftOut ?? null, uploadIds: f.uploadIds ?? [], historyId: f.historyId ?? null,
    time: (f.at ?? new Date()).toISOString(), text: escapeName(safeAlertText(f.text, token)),
  };
}

const errorWords = (e: ErrorInfo): string => `${e.message.replace(/\.$/, '')} (error code ${e.code}).${e.hint ? ` ${e.hint}` : ''}`;

/**
 * A file moved to failed/ (or left where it is when failed/ could not be used): what happened and
 * what to do. `errorFile` is null when the reason could not be written beside it.
 */
export function failedAlert(feed: string, e: { file: string; error: ErrorInfo; movedTo: string; errorFile: string | null; historyId?: string | null }, token: string | null): Alert {
  const where = e.movedTo === e.file ? 'was left where it is' : 'was moved to failed/';
  const note = e.errorFile ? ` The reason is also in failed/${basename(e.errorFile)}.` : '';
  return makeAlert({
    kind: 'failed', outcome: 'failed', feed, file: e.file, error: e.error, historyId: e.historyId ?? null,
    text: `${PRODUCT}: ${basename(e.file)} in the watched folder ${feed} was not sent to Lexer and ${where}. ${errorWords(e.error)}${note}`,
  }, token);
}

/** A file being tried again after a transient failure (said once per file). */
export function retryingAlert(feed: string, e: { file: string; error: ErrorInfo; delayMs: number | null; historyId?: string | null }, token: string | null): Alert {
  const when = e.delayMs === null ? 'It stays in the folder for the next run.' : `It stays in the folder and is tried again in ${spanText(e.delayMs)}, then later with longer waits.`;
  return makeAlert({
    kind: 'retrying', outcome: 'will-retry', feed, file: e.file, error: e.error, historyId: e.historyId ?? null,
    text: `${PRODUCT}: ${basename(e.file)} in the watched folder ${feed} could not be sent yet: ${e.error.message.replace(/\.$/, '')} (error code ${e.error.code}). ${when} Nothing to do unless it keeps failing: another alert follows if it ends in failed/.`,
  }, token);
}

/** A file sent with more of its records left out as invalid than the folder allows (a record is a row, or an order when rows are grouped). */
export function leftOutAlert(feed: string, e: { file: string; filename: string; uploadIds: readonly string[]; recordsSent: number; recordsLeftOut: number; historyId?: string | null }, limitPercent: number, token: string | null): Alert {
  const records = e.recordsSent + e.recordsLeftOut;
  const percent = Math.round((e.recordsLeftOut / records) * 1000) / 10;
  return makeAlert({
    kind: 'records-left-out', outcome: 'sent', feed, file: e.file, filename: e.filename, uploadIds: e.uploadIds,
    recordsSent: e.recordsSent, recordsLeftOut: e.recordsLeftOut, historyId: e.historyId ?? null,
    text: `${PRODUCT}: ${basename(e.file)} in the watched folder ${feed} was sent as ${e.filename} with ${countText(e.recordsSent)} records, but ${countText(e.recordsLeftOut)} of its ${countText(records)} records (${percent} %) were left out as invalid, more than the ${limitPercent} % this folder allows. Run \`lexer-upload convert\` on the file to see each problem, fix them at the source, and send the rows again.`,
  }, token);
}

/** No file within the expected interval (raised once). */
export function silenceAlert(feed: string, e: { lastArrival: Date | null; expected: string; deadline: Date }, token: string | null): Alert {
  const since = e.lastArrival ? `since ${localTime(e.lastArrival)}` : 'since it started being watched';
  return makeAlert({
    kind: 'silence', outcome: 'silent', feed,
    text: `${PRODUCT}: no file has arrived in the watched folder ${feed} ${since}; one was expected ${e.expected}, by ${localTime(e.deadline)}. Check that the export writing there still runs. Another alert follows when files arrive again.`,
  }, token);
}

/** Files arriving again after a silence. */
export function backToNormalAlert(feed: string, e: { file: string; silentSince: Date }, token: string | null): Alert {
  return makeAlert({
    kind: 'back-to-normal', outcome: 'back-to-normal', feed, file: e.file,
    text: `${PRODUCT}: back to normal: ${basename(e.file)} arrived in the watched folder ${feed}, the first file since the alert at ${localTime(e.silentSince)}.`,
  }, token);
}

/** "Send a test alert". */
export function testAlert(feed: string): Alert {
  return makeAlert({
    kind: 'test', outcome: 'test', feed,
    text: `${PRODUCT}: this is a test alert for the watched folder ${feed}. Alerts for it (a file failed or being tried again, records left out, no file when one is expected) arrive here.`,
  }, null);
}

/** The webhook's JSON: `text` for Slack and Teams, the facts beside it for any other receiver. */
export function webhookBody(a: Alert): Record<string, unknown> {
  return {
    text: a.text, kind: a.kind, feed: a.feed, file: a.file, filename: a.filename, outcome: a.outcome, error: a.error,
    recordsSent: a.recordsSent, recordsLeftOut: a.recordsLeftOut, uploadIds: a.uploadIds, historyId: a.historyId, time: a.time,
  };
}

const SUBJECT: Readonly<Record<Alert['kind'], string>> = {
  failed: 'Failed', retrying: 'Trying again', 'records-left-out': 'Records left out', silence: 'No file', 'back-to-normal': 'Back to normal', test: 'Test alert',
};

/** The mail: a subject naming what and where, the paragraph, then the facts one per line. */
export function emailMessage(a: Alert): { subject: string; text: string } {
  const facts: [string, string | null][] = [
    ['Watched folder', a.feed], ['File', a.file], ['Sent as', a.filename], ['Outcome', a.outcome],
    ['Error', a.error ? `${a.error.code}: ${a.error.message}` : null],
    ['Records sent', a.recordsSent === null ? null : countText(a.recordsSent)], ['Records left out', a.recordsLeftOut === null ? null : countText(a.recordsLeftOut)],
    ['Upload ids', a.uploadIds.length > 0 ? a.uploadIds.join(', ') : null], ['History id', a.historyId], ['Time', a.time],
  ];
  return {
    subject: `[${PRODUCT}] ${SUBJECT[a.kind]}: ${a.file ?? basename(a.feed) ?? a.feed}`,
    text: `${a.text}\n\n${facts.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`).join('\n')}\n`,
  };
}
