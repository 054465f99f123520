/**
 * The files a launch names: `lexer-uploader a.csv b.ndjson` from a terminal, "Open with" on
 * Windows and Linux (the file is an argument), a second launch's arguments handed to the first.
 * Switches (Chromium adds its own to a second instance's argv) and folders are left out, and so is
 * the program itself; relative paths are read against the launch's working folder. The Linux
 * desktop entry's `Exec=… %U` lets a file manager pass `file://` URLs instead of paths: they are
 * read as the paths they name (any other URL is no file).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A path from an argument: a `file://` URL as its path, another URL as nothing, else as it is. */
function asPath(arg: string, cwd: string): string | null {
  if (/^file:\/\//i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null; // a file URL of another host
    }
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return null;
  return resolve(cwd, arg);
}

/** The existing regular files among `argv` (its first entry is the program). */
export function openedPaths(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || arg.length === 0) continue;
    const path = asPath(arg, cwd);
    if (path && statSync(path, { throwIfNoEntry: false })?.isFile() && !out.includes(path)) out.push(path);
  }
  return out;
}
