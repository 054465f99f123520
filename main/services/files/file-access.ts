/**
 * Which local files the window may name in a path argument (`files:inspect`, `preview:csv`,
 * `jobs:validate`, `jobs:convert`, `uploads:start`). In Electron the paths come from the
 * operating system's own file dialog and drops. In the browser host anyone who holds the
 * session key could name any file the user can read, and have it previewed or uploaded, so
 * there only the files the user gave the page are accepted: staged copies and conversion
 * outputs.
 */
import { realpath } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { LexerError } from '../../engine/errors.js';

/** Throws when the window may not name `path`; resolves when it may. */
export type FileAccessCheck = (path: string) => Promise<void>;

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * Accepts only paths inside one of `roots`, symlinks resolved (a missing file is judged by its
 * name; opening it then fails on its own).
 */
export function onlyFilesInside(roots: readonly string[]): FileAccessCheck {
  return async (path) => {
    const real = await realpath(path).catch(() => resolve(path));
    for (const root of roots) {
      const realRoot = await realpath(root).catch(() => resolve(root));
      if (inside(realRoot, real)) return;
    }
    throw new LexerError('file-unreadable', `${basename(path)} was not added in this window, so Lexer Uploader in the browser does not read it.`, {
      hint: 'Add the file with Browse… or drop it on the window, then try again.',
    });
  };
}

/** Passes a path argument (or a request holding one) through when the window may name it. */
export type FileGate = <T extends string | { readonly path: string }>(value: T) => Promise<T>;

/**
 * The gate every path argument goes through: the host's check, when it has one. A file an
 * earlier upload sent (the app's or lexer-upload's, for History's Retry) was given to us by the
 * user then, so it is accepted as well as this window's own files.
 */
export function createFileGate(check: FileAccessCheck | undefined, sentBefore: (path: string) => boolean): FileGate {
  return async (value) => {
    const path = typeof value === 'string' ? value : value.path;
    if (check && !sentBefore(path)) await check(path);
    return value;
  };
}
