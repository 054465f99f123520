/**
 * The app's folders hold customer data (converted files, staged copies, the history) and
 * settings: other users of the machine must not read them. Whoever creates a folder
 * first creates it 0700, and files in it are written 0600.
 */
import { chmod, mkdir, stat } from 'node:fs/promises';

/** The mode of the app's folders: the owner only. */
export const PRIVATE_DIR_MODE = 0o700;
/** The mode of the app's files: the owner only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and any missing parent) 0700. A folder that exists already, belongs to this
 * user and is open to others (made by an earlier version, or by a tool with a wide umask) is
 * narrowed to 0700. Nothing is changed on Windows, where access is set by ACLs, not modes.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform === 'win32') return;
  const info = await stat(dir);
  if ((info.mode & 0o077) !== 0 && info.uid === process.getuid?.()) await chmod(dir, PRIVATE_DIR_MODE);
}
