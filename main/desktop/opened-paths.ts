/**
 * The files a launch names: `lexer-uploader a.csv b.ndjson` from a terminal, "Open with" on
 * Windows and Linux (the file is an argument), a second launch's arguments handed to the first.
 * Switches (Chromium adds its own to a second instance's argv) and folders are left out, and so is
 * the program itself; relative paths are read against the launch's working folder.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The existing regular files among `argv` (its first entry is the program). */
export function openedPaths(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || arg.length === 0) continue;
    const path = resolve(cwd, arg);
    if (statSync(path, { throwIfNoEntry: false })?.isFile() && !out.includes(path)) out.push(path);
  }
  return out;
}
