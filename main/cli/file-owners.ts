/**
 * `watch --file-owner`: the accounts whose files a watched folder takes besides the user's own,
 * by name or uid. Names are looked up with the system's `id -u` (Node has no getpwnam).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UsageError } from './output.js';

const run = promisify(execFile);

/** The uid of each account named; a usage error naming the one that is not an account here. */
export async function resolveFileOwners(names: readonly string[]): Promise<number[]> {
  if (names.length > 0 && process.platform === 'win32') throw new UsageError('--file-owner is for macOS and Linux: Windows folders are not checked by owner.');
  return Promise.all(names.map(async (name) => {
    if (/^\d+$/.test(name)) return Number(name);
    const found = await run('id', ['-u', '--', name]).then((r) => r.stdout.trim(), () => '');
    if (!/^\d+$/.test(found)) throw new UsageError(`--file-owner ${name}: there is no account of that name on this computer.`);
    return Number(found);
  }));
}
