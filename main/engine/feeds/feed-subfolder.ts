/**
 * A watched folder's sent/ and failed/, where the app moves files and writes notes, in a folder
 * another account may write into. A sent/ or failed/ that is a link (to a folder elsewhere) or
 * belongs to another account is refused, so no file of the person's is moved out of reach and no
 * note written where someone else chose; one the app makes is not writable by group or others.
 * The folder is opened once (O_NOFOLLOW) and, on Linux, worked in through its descriptor
 * (/proc/PID/fd/N/NAME), so a folder swapped in after the check is never written to. Files are
 * created O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600: a name already there (a planted link among them)
 * is never written through; a free name is taken instead.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { LexerError } from '../errors.js';
import { DESCRIPTOR_PATHS, descriptorPath } from '../io/descriptor-path.js';
import { fitName } from '../names/fit-name.js';

/** sent/ or failed/, opened and checked. */
export interface FeedSubfolder {
  /** Its path, as messages and events show it. */
  readonly path: string;
  /** Moves `file` in under its own name (or a free one); returns where it went. */
  moveIn(file: string, name: string): Promise<string>;
  /** Writes `text` to a new file `base + suffix` (or a free name near it), mode 0600; returns its path. */
  writeNew(base: string, suffix: string, text: string): Promise<string>;
  close(): Promise<void>;
}

const DIR_FLAGS = constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | (constants.O_NOFOLLOW ?? 0);
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
/** Free names tried before giving up (an export's same name on many nights). */
const MAX_TRIES = 1000;

function refused(path: string, why: string): LexerError {
  return new LexerError('unsafe-folder', `${path} ${why}, so nothing was moved or written there.`, {
    hint: `Remove it (or rename it) and the app makes a folder of its own there.`,
  });
}

/** `name`, then `stem-2.ext`, `stem-3.ext`..., each cut to fit a file name. */
function candidate(name: string, n: number, suffix = ''): string {
  const ext = /\.[^.]+\.gz$/i.exec(name)?.[0] ?? extname(name);
  const stem = name.slice(0, name.length - ext.length);
  return n === 1 ? fitName(stem, `${ext}${suffix}`) : fitName(stem, `-${n}${ext}${suffix}`);
}

const exists = (path: string): Promise<boolean> => lstat(path).then(() => true, (error: NodeJS.ErrnoException) => error.code !== 'ENOENT');

/** Opens `sub` of `folder`, making it (0755) when it is not there; throws a LexerError 'unsafe-folder' when it is not the person's own. */
export async function openFeedSubfolder(folder: string, sub: string): Promise<FeedSubfolder> {
  const path = join(folder, sub);
  await mkdir(path, { mode: 0o755 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  let handle: FileHandle;
  try {
    handle = await open(path, DIR_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'ENOTDIR' || code === 'EMLINK') {
      const isLink = await lstat(path).then((s) => s.isSymbolicLink(), () => false);
      throw refused(path, isLink ? 'is a link to a folder elsewhere' : 'is not a folder');
    }
    throw error;
  }
  const info = await handle.stat();
  const own = typeof process.getuid === 'function' && process.platform !== 'win32' ? process.getuid() : null;
  if (own !== null && info.uid !== own) {
    await handle.close();
    throw refused(path, `belongs to another account (uid ${info.uid})`);
  }
  // Where a name inside it is reached: through the descriptor where the system offers one.
  const at = (name: string): string => (DESCRIPTOR_PATHS ? descriptorPath(handle.fd, name) : join(path, name));
  return {
    path,
    async moveIn(file, name) {
      for (let n = 1; n <= MAX_TRIES; n++) {
        const target = candidate(name, n);
        if (await exists(at(target))) continue;
        await rename(file, at(target));
        return join(path, target);
      }
      throw new LexerError('file-unreadable', `${path} has no free name left for ${name}.`, { hint: 'Clear out old files from it.' });
    },
    async writeNew(base, suffix, text) {
      for (let n = 1; n <= MAX_TRIES; n++) {
        const name = candidate(base, n, suffix);
        let file: FileHandle;
        try {
          file = await open(at(name), NEW_FILE, 0o600);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw error;
        }
        try {
          await file.writeFile(text);
        } finally {
          await file.close();
        }
        return join(path, name);
      }
      throw new LexerError('file-unreadable', `${path} has no free name left for ${base}${suffix}.`, { hint: 'Clear out old files from it.' });
    },
    close: () => handle.close(),
  };
}
