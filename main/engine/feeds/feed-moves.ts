/**
 * What a feed does with a file once it is done with it: moved to `sent/` (or left, or
 * deleted), or moved to `failed/` with `<name>.error.txt` beside it saying in plain words what
 * happened and what to do. A name already taken there gets a number, so nothing is overwritten;
 * sent/ and failed/ must be the person's own folders (feed-subfolder.ts). When a move or a note
 * cannot be made, the file's fate is still reported, with what went wrong beside it.
 */
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { stripQuery } from '../api/redact-url.js';
import { maskToken } from '../api/mask-token.js';
import { toLexerError, type LexerError } from '../errors.js';
import type { AfterSend } from './feed-config.js';
import { FAILED_DIR, SENT_DIR } from './feed-names.js';
import { openFeedSubfolder, type FeedSubfolder } from './feed-subfolder.js';

/** Where a file ended up, and what could not be done along the way (one plain sentence), if anything. */
export interface Settled {
  /** Where the file is now: moved, left where it was, or null (deleted). */
  readonly movedTo: string | null;
  /** The note or error file written beside it, or null when none was (or none could be). */
  readonly noteFile: string | null;
  readonly problem: string | null;
}

/** Runs `work` in `sub` of the file's folder; a refused subfolder leaves the file where it is and says why. */
async function inSubfolder(file: string, folder: string, sub: string, work: (dir: FeedSubfolder) => Promise<Settled>): Promise<Settled> {
  let dir: FeedSubfolder;
  try {
    dir = await openFeedSubfolder(folder, sub);
  } catch (thrown) {
    const error = toLexerError(thrown);
    return { movedTo: file, noteFile: null, problem: `${basename(file)} was left where it is: ${error.message} ${error.hint ?? ''}`.trim() };
  }
  try {
    return await work(dir);
  } finally {
    await dir.close();
  }
}

/** Moves `file` into `dir`, then writes `text` beside it as `<name><suffix>`; a note that cannot be written is a problem, never a lost move. */
async function moveWithNote(file: string, dir: FeedSubfolder, note: { suffix: string; text: string } | null): Promise<Settled> {
  const movedTo = await dir.moveIn(file, basename(file));
  if (!note) return { movedTo, noteFile: null, problem: null };
  try {
    return { movedTo, noteFile: await dir.writeNew(basename(movedTo), note.suffix, note.text), problem: null };
  } catch (error) {
    return { movedTo, noteFile: null, problem: `Could not write ${basename(movedTo)}${note.suffix} beside it in ${dir.path}: ${(error as Error).message}.` };
  }
}

/** After a send (or a duplicate): the file moved to sent/ (with `note` beside it), left, or deleted. */
export async function settleSent(file: string, folder: string, after: AfterSend, note: string | null): Promise<Settled> {
  switch (after) {
    case 'leave':
      return { movedTo: file, noteFile: null, problem: null };
    case 'delete':
      await rm(file, { force: true });
      return { movedTo: null, noteFile: null, problem: null };
    case 'sent':
      return inSubfolder(file, folder, SENT_DIR, (dir) => moveWithNote(file, dir, note ? { suffix: '.note.txt', text: `${note}\n` } : null));
    default: {
      const _exhaustive: never = after;
      return _exhaustive;
    }
  }
}

/**
 * Presigned links are credentials: no URL in an error file keeps its query; nor any copy of the
 * token. Queries go first: the mask has a space in it, so a token masked inside a URL's path
 * would end the URL there and leave its query behind.
 */
function safeText(text: string, token: string): string {
  return maskToken(text.replace(/https?:\/\/[^\s"'<>]+/g, (url) => stripQuery(url)), token);
}

/** The text of `<name>.error.txt`: what happened, what to do, and the details. */
export function errorText(name: string, error: LexerError, details: readonly string[], o: { folder: string; at: Date }): string {
  return [
    `${name} was not sent to Lexer.`,
    '',
    `What happened: ${error.message}`,
    `What to do: ${error.hint ?? 'Fix the file, then move it back into the watched folder to send it again.'}`,
    ...(details.length > 0 ? ['', ...details] : []),
    '',
    `Watched folder: ${o.folder}`,
    `Moved here: ${o.at.toISOString()} (error code: ${error.code})`,
    'To send it again, move the file back into the watched folder.',
    '',
  ].join('\n');
}

/** Moves `file` to failed/ and writes `<name>.error.txt` beside it (mode 0600: it may quote the file's data). */
export async function settleFailed(file: string, error: LexerError, details: readonly string[], o: { folder: string; token: string }): Promise<Settled> {
  const text = safeText(errorText(basename(file), error, details, { folder: o.folder, at: new Date() }), o.token);
  return inSubfolder(file, o.folder, FAILED_DIR, (dir) => moveWithNote(file, dir, { suffix: '.error.txt', text }));
}
