/**
 * Taking a file from a watched folder another account may write into. Only a regular file with
 * one name, owned by this user or by an account the feed names, is taken: never a link (looked at
 * with lstat, opened with O_NOFOLLOW) and only the file that was looked at (the opened
 * descriptor's fstat has the same device and inode). What is sent is then read through that
 * descriptor, not the name: on Linux through a name of its own in a private folder (a link to
 * /proc/PID/fd/N), so a file swapped in after the check (a link to /etc/shadow, another file) is
 * never read. Elsewhere the checks hold for the moment the file is taken.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, symlink, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { createTempWorkspace, type TempWorkspace } from '../compress/temp-workspace.js';
import { DESCRIPTOR_PATHS, descriptorPath } from '../io/descriptor-path.js';

/** Why a file was left where it is. */
export type NotTakenReason = 'link' | 'not-a-file' | 'other-owner' | 'unreadable';

/** A file taken for its turn: checked, held open, and read through `readPath` until `release()`. */
export interface TakenFile {
  /** The file's name in the watched folder. */
  readonly path: string;
  /** Where the send reads it: a name for the descriptor held (or `path` where there is none). */
  readonly readPath: string;
  /** Whether `path` still names the file taken (not moved away, not replaced). */
  stillThere(): Promise<boolean>;
  /** Closes the descriptor and removes the private name. */
  release(): Promise<void>;
}

export type TakeResult =
  | { readonly kind: 'taken'; readonly file: TakenFile }
  | { readonly kind: 'not-taken'; readonly reason: NotTakenReason; readonly message: string }
  /** Gone, or another file by the time it was opened: it waits to be looked at again. */
  | { readonly kind: 'changed' };

/** Whose files a feed takes: this user's, and those of the accounts (uids) it names. */
export function allowedOwners(fileOwners: readonly number[] | undefined): readonly number[] | null {
  // Windows has no owner ids to compare (stat's uid is 0), and links there need privileges.
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return null;
  return [process.getuid(), ...(fileOwners ?? [])];
}

const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

const linkMessage = (name: string): string => `${name} is a link; a watched folder never follows links, so it was left where it is. Put the file itself in the folder.`;

/** Why `s` (of `name`) is not taken, or null when it may be. */
export function refusal(name: string, s: Stats, owners: readonly number[] | null): { reason: NotTakenReason; message: string } | null {
  if (s.isSymbolicLink()) return { reason: 'link', message: linkMessage(name) };
  if (!s.isFile()) return { reason: 'not-a-file', message: `${name} is not a regular file, so it was left where it is.` };
  if (s.nlink > 1) {
    return { reason: 'link', message: `${name} has other names (hard links, ${s.nlink} in all), so it was left where it is: it may be another file of yours. Put a copy of the file in the folder.` };
  }
  if (owners && !owners.includes(s.uid)) {
    return {
      reason: 'other-owner',
      message: `${name} belongs to another account (uid ${s.uid}), so it was left where it is: a watched folder takes only your own files and those of accounts it names. `
        + `If that account's files belong here, name it: lexer-upload watch --file-owner ${s.uid}.`,
    };
  }
  return null;
}

const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

/** Looks at `path` and, when it may be taken, opens it for its turn. `tempRoot` holds the private name. */
export async function takeFile(path: string, owners: readonly number[] | null, tempRoot?: string): Promise<TakeResult> {
  const name = basename(path);
  const seen = await lstat(path).catch(() => null);
  if (!seen) return { kind: 'changed' };
  const before = refusal(name, seen, owners);
  if (before) return { kind: 'not-taken', ...before };
  let handle: FileHandle;
  try {
    handle = await open(path, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'changed' };
    // O_NOFOLLOW's ELOOP (EMLINK on FreeBSD): it became a link since the look.
    if (code === 'ELOOP' || code === 'EMLINK') return { kind: 'not-taken', reason: 'link', message: linkMessage(name) };
    return { kind: 'not-taken', reason: 'unreadable', message: `${name} cannot be read (${code ?? (error as Error).message}), so it was left where it is. Check its permissions.` };
  }
  let workspace: TempWorkspace | null = null;
  try {
    const opened = await handle.stat();
    const after = refusal(name, opened, owners);
    if (after) {
      await handle.close();
      return { kind: 'not-taken', ...after };
    }
    if (!sameFile(seen, opened)) {
      await handle.close();
      return { kind: 'changed' };
    }
    let readPath = path;
    if (DESCRIPTOR_PATHS) {
      workspace = await createTempWorkspace(tempRoot);
      readPath = workspace.file(name);
      await symlink(descriptorPath(handle.fd), readPath);
    }
    const held = workspace;
    return {
      kind: 'taken',
      file: {
        path, readPath,
        stillThere: async () => lstat(path).then((now) => sameFile(now, opened), () => false),
        async release() {
          await handle.close().catch(() => undefined);
          await held?.dispose();
        },
      },
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await workspace?.dispose();
    throw error;
  }
}
