/**
 * Tells a feed about files appearing and changing in its folder, through chokidar:
 * the operating system's change events, or polling for network drives where those never arrive.
 * Only the folder's own files: not its sent/ and failed/ subfolders, nor anything deeper.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FSWatcher } from 'chokidar';

export interface FolderWatcher {
  /** The files already there when watching started (their events come only after). */
  readonly initial: readonly string[];
  close(): Promise<void>;
}

/** Watches `folder`; `onFile` gets each file added or changed there once watching, `onGone` each removed. */
export async function watchFolder(folder: string, o: {
  polling: boolean; intervalMs: number; onFile: (path: string) => void; onGone: (path: string) => void; onError: (error: unknown) => void;
}): Promise<FolderWatcher> {
  const { watch } = await import('chokidar');
  const root = resolve(folder);
  const own = (path: string): boolean => dirname(resolve(path)) === root;
  const watcher: FSWatcher = watch(root, {
    depth: 0,
    ignoreInitial: false,
    usePolling: o.polling,
    // A link is reported as itself (and then left where it is), never watched through.
    followSymlinks: false,
    interval: o.intervalMs,
    binaryInterval: o.intervalMs,
    // Subfolders (sent/, failed/ and any other) are never descended into.
    ignored: (path, stats) => resolve(path) !== root && (stats?.isDirectory() ?? false),
  });
  let ready = false;
  const initial: string[] = [];
  watcher.on('add', (path) => {
    if (!own(path)) return;
    if (ready) o.onFile(resolve(path));
    else initial.push(resolve(path));
  });
  watcher.on('change', (path) => own(path) && o.onFile(resolve(path)));
  watcher.on('unlink', (path) => own(path) && o.onGone(resolve(path)));
  watcher.on('error', o.onError);
  await new Promise<void>((done) => watcher.once('ready', () => done()));
  ready = true;
  // A file written between chokidar's first listing and its watch taking hold has no event and
  // would wait, unseen, until it changed again: the folder is listed once more now that it is
  // watched (a file seen twice is taken once).
  const seen = new Set(initial);
  for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    const path = join(root, entry.name);
    if (!entry.isDirectory() && !seen.has(path)) initial.push(path);
  }
  return { initial, close: () => watcher.close() };
}
