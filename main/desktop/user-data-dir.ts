/**
 * The profile folder given by LEXER_UPLOAD_USER_DATA_DIR (tests, a portable install). Electron's
 * `app.setPath` throws for a relative path and for a folder that does not exist yet (its docs:
 * "the directory should be created with fs.mkdirSync or similar"), and it runs at module load,
 * before any dialog can say so: resolve and create the folder first.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** `value` as an absolute path (relative to `cwd`), created if missing. */
export function prepareUserDataDir(value: string, cwd: string = process.cwd()): string {
  const dir = resolve(cwd, value);
  mkdirSync(dir, { recursive: true });
  return dir;
}
