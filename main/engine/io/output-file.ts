import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { LexerError } from '../errors.js';

export interface OutputFile {
  write(bytes: Uint8Array): Promise<void>;
  /** Closes the file and gives it its final name. */
  commit(): Promise<void>;
  /** Closes and removes the half-written file. */
  discard(): Promise<void>;
}

/**
 * Writes to a hidden temporary name beside `path` and renames on success, so a half-written
 * file (cancelled, crashed, stopped at an invalid row) never looks like a finished conversion.
 */
export async function openOutputFile(path: string): Promise<OutputFile> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  // 0600: converted files hold customer data; other users on the machine must not read them.
  const stream = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
  let failure: unknown = null;
  stream.on('error', (error) => {
    failure = error;
  });
  await Promise.race([once(stream, 'open'), once(stream, 'error')]).catch(() => undefined);
  const check = (): void => {
    if (failure !== null) {
      throw new LexerError('file-unreadable', `Cannot write ${path}: ${(failure as Error).message}.`, {
        hint: 'Choose a folder you can write to with enough free space.',
        cause: failure,
      });
    }
  };
  check();
  const close = async (): Promise<void> => {
    if (stream.closed) return;
    stream.end();
    await Promise.race([once(stream, 'close'), once(stream, 'error')]).catch(() => undefined);
  };
  return {
    async write(bytes) {
      check();
      // once() rejects on 'error', which the listener above records for check().
      if (!stream.write(bytes)) await once(stream, 'drain').catch(() => undefined);
      check();
    },
    async commit() {
      await close();
      check();
      await rename(temp, path);
    },
    async discard() {
      stream.destroy();
      await close();
      await unlink(temp).catch(() => undefined);
    },
  };
}
