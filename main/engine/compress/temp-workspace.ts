import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidAlive } from '../config/pid-alive.js';

/** A private folder for the compressed copy or the parts of one upload, removed once it has ended. */
export interface TempWorkspace {
  readonly dir: string;
  /** A path inside the folder. */
  file(name: string): string;
  /** Removes the folder and everything in it; safe to call twice. */
  dispose(): Promise<void>;
}

const PREFIX = 'lexer-upload-';
/** A workspace of a live process is never removed; one this old is, whoever made it (pids get reused). */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

/**
 * Makes `<root>/lexer-upload-<pid>-<random>/`. mkdtemp makes it readable by this user only
 * (0700): the files hold customers' data, and the default temporary folder is shared.
 */
export async function createTempWorkspace(root: string = tmpdir()): Promise<TempWorkspace> {
  const dir = await mkdtemp(join(root, `${PREFIX}${process.pid}-`));
  return {
    dir,
    file: (name) => join(dir, name),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Removes workspaces left by a process that crashed (its pid is gone) or older than a week.
 * Called when the app or a watcher starts; a failure only leaves the folder for next time.
 */
export async function pruneStaleWorkspaces(root: string = tmpdir(), now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const pid = Number(/^lexer-upload-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid)) continue;
    const path = join(root, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) continue;
    if (pid !== process.pid && (!pidAlive(pid) || now - info.mtimeMs > STALE_AFTER_MS)) {
      await rm(path, { recursive: true, force: true }).then(() => (removed += 1), () => undefined);
    }
  }
  return removed;
}
