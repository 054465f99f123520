import { readFile, readdir, readlink } from 'node:fs/promises';

/**
 * The TCP ports this process listens on, read from Linux's /proc (the sockets among our open
 * file descriptors that are in the LISTEN state); null where there is no /proc.
 */
export async function listeningPorts(): Promise<number[] | null> {
  if (process.platform !== 'linux') return null;
  const inodes = new Set<string>();
  for (const fd of await readdir('/proc/self/fd')) {
    const m = /^socket:\[(\d+)\]$/.exec(await readlink(`/proc/self/fd/${fd}`).catch(() => ''));
    if (m?.[1]) inodes.add(m[1]);
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...; 0A is LISTEN
      const f = line.trim().split(/\s+/);
      if (f[3] === '0A' && inodes.has(f[9] ?? '')) ports.push(parseInt(f[1]?.split(':')[1] ?? '', 16));
    }
  }
  return ports.sort((a, b) => a - b);
}
