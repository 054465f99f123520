import { readdir, readlink, realpath } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The paths under `folder` that this process holds open, read from Linux's /proc/self/fd. Counting
 * all descriptors instead would also see the runner's pipes and a library's sockets come and go.
 */
export async function openFilesUnder(folder: string): Promise<string[]> {
  const root = await realpath(folder);
  const targets = await Promise.all(
    (await readdir('/proc/self/fd')).map((fd) => readlink(join('/proc/self/fd', fd)).catch(() => '')),
  );
  return targets.filter((target) => target === root || target.startsWith(`${root}/`)).sort();
}
