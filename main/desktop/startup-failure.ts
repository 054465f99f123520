/**
 * The one dialog shown when the app cannot start: what failed, in plain
 * words, the data folder it was using, and what to do. No stack trace: the message of a Node
 * error already names the file (`EACCES: permission denied, mkdir '/x/y'`).
 */
import { LexerError } from '../engine/errors.js';

const FOLDER_HINT = 'Check that this folder exists and that your account can read and write it (or move a damaged file in it aside), then start Lexer Uploader again.';

/** The title and text of the startup error box. */
export function startupFailure(error: unknown, userDataDir: string | null): { title: string; content: string } {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof LexerError && error.hint ? error.hint : FOLDER_HINT;
  const folder = userDataDir ? `\n\nData folder: ${userDataDir}` : '';
  return { title: 'Lexer Uploader could not start', content: `${message}${folder}\n\n${hint}` };
}
