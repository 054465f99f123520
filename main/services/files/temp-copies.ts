/**
 * Copies the app makes of people's files and deletes again: staged copies of files dropped in
 * the browser host (`<config>/staging/<random>/<name>`) and conversion outputs
 * (`<userData>/converted/<random>/<name>.ndjson`). Without this they piled up: one session left
 * 978 MB, three copies of one 315 MB file. A copy goes when its card is removed
 * or its upload succeeded, and what is left is trimmed to a bounded cache, newest kept.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** What stays cached between runs (newest first): enough for History's Retry of recent files. */
export const MAX_CACHED_BYTES = 1024 ** 3;

/**
 * The copy's own folder when `path` is `<root>/<folder>/<name>` for one of `roots`, else null:
 * never a file the person chose themselves (in Electron every other path is theirs).
 */
export function copyFolder(roots: readonly string[], path: string): string | null {
  for (const root of roots) {
    const rel = relative(root, path);
    const parts = rel.split(sep);
    if (rel === '' || isAbsolute(rel) || parts.length !== 2 || parts.some((p) => p === '' || p === '.' || p === '..')) continue;
    return join(root, parts[0] as string);
  }
  return null;
}

/** Deletes a copy the app made (and its folder); false for any other path, which is left alone. */
export async function releaseCopy(roots: readonly string[], path: string): Promise<boolean> {
  const folder = copyFolder(roots, path);
  if (!folder) return false;
  await rm(folder, { recursive: true, force: true });
  return true;
}

/** Total size of the files directly in a copy's folder. */
async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    total += await stat(join(folder, name)).then((s) => (s.isFile() ? s.size : 0), () => 0);
  }
  return total;
}

/**
 * Keeps the newest copies under `root` up to `maxBytes` in all and removes the rest; answers how
 * many folders went. Run when nothing is using them (at start). A failure only leaves copies behind.
 */
export async function trimCopies(root: string, maxBytes = MAX_CACHED_BYTES): Promise<number> {
  const folders: { path: string; mtimeMs: number; bytes: number }[] = [];
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const path = join(root, name);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) folders.push({ path, mtimeMs: info.mtimeMs, bytes: await folderBytes(path) });
  }
  folders.sort((a, b) => b.mtimeMs - a.mtimeMs);
  let kept = 0;
  let removed = 0;
  for (const f of folders) {
    if (kept + f.bytes <= maxBytes) {
      kept += f.bytes;
      continue;
    }
    await rm(f.path, { recursive: true, force: true }).then(() => (removed += 1), () => undefined);
  }
  return removed;
}
