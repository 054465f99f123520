/**
 * What a feed does with a file once it is done with it: moved to `sent/` (or left, or
 * deleted), or moved to `failed/` with `<name>.error.txt` beside it saying in plain words what
 * happened and what to do. A name already taken there gets a number, so nothing is overwritten.
 */
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { stripQuery } from '../api/redact-url.js';
import { maskToken } from '../api/mask-token.js';
import type { LexerError } from '../errors.js';
import type { AfterSend } from './feed-config.js';
import { FAILED_DIR, SENT_DIR } from './feed-names.js';

/** `dir/name`, or `dir/name-2.ext`... when taken (an export's same name on another night). */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = /\.[^.]+\.gz$/i.exec(name)?.[0] ?? extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? name : `${stem}-${n}${ext}`);
    const taken = await access(candidate).then(() => true, () => false);
    if (!taken) return candidate;
  }
}

/** Moves `file` into the subfolder `sub` of its folder; returns where it went. */
export async function moveInto(file: string, sub: string): Promise<string> {
  const dir = join(dirname(file), sub);
  await mkdir(dir, { recursive: true });
  const target = await freeName(dir, basename(file));
  await rename(file, target);
  return target;
}

/** After a send (or a duplicate): the file moved to sent/, left, or deleted; returns where it is now (null: deleted). */
export async function settleSent(file: string, after: AfterSend, note: string | null): Promise<string | null> {
  switch (after) {
    case 'leave':
      return file;
    case 'delete':
      await rm(file, { force: true });
      return null;
    case 'sent': {
      const target = await moveInto(file, SENT_DIR);
      if (note) await writeFile(`${target}.note.txt`, `${note}\n`);
      return target;
    }
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

/** Moves `file` to failed/ and writes `<name>.error.txt` beside it; returns both paths. */
export async function settleFailed(file: string, error: LexerError, details: readonly string[], o: { folder: string; token: string }): Promise<{ path: string; errorFile: string }> {
  const target = await moveInto(file, FAILED_DIR);
  const errorFile = `${target}.error.txt`;
  await writeFile(errorFile, safeText(errorText(basename(file), error, details, { folder: o.folder, at: new Date() }), o.token));
  return { path: target, errorFile };
}
