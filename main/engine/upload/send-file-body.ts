import type { ContentHasher } from '../dedupe/content-hash.js';
import { open, stat } from 'node:fs/promises';
import { LexerError } from '../errors.js';

/** Where the body comes from: exactly `bytes` bytes of `filePath`, as it was when checked. */
export interface FileBody {
  filePath: string;
  /** Exactly the bytes announced in Content-Length; the read stops there even if the file grew. */
  bytes: number;
  /** The file's mtime when it was checked; a different one before the last bytes go out fails. */
  mtimeMs?: number;
}

/** Where the bytes go: a request body (ClientRequest's write). */
export interface BodySink {
  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean;
}

// Two buffers of 4 MiB, reused for the whole file: one is read into while the other is on its way
// to the socket, so memory stays flat and no garbage is made whatever the size (target: peak RSS
// < 100 MB). Large writes mean few system calls, which matters when the server shares the cores.
const MAX_WRITE = 4 * 1024 * 1024;
// Writes start small and grow while the network takes them quickly, and shrink when one takes
// long: a write reports progress only once all its bytes are in the kernel, so on a slow uplink
// (0.5 Mbit/s takes a minute for 4 MiB) one large write would look like a stall to the watchdog.
const MIN_WRITE = 64 * 1024;
const GROW_BELOW_MS = 1000;
const SHRINK_ABOVE_MS = 4000;

/**
 * Streams the file into `sink` with back-pressure (at most two writes in flight), calling
 * `onWritten` with the running total as each write reaches the kernel.
 *
 * The last bytes are held back until a fresh stat shows the size and mtime the file had when it
 * was checked. S3 stores an object only once every byte announced in Content-Length has arrived,
 * so a file written to during the PUT is refused here and never stored as a mix of old and new
 * data (fail clearly rather than send a mix). A file that shrank fails the same way.
 * Stops (without error) when `signal` fires; a failed write or read rejects. With `hash`, every
 * byte read is added to it in order, so the source's sha256 costs no second pass.
 */
export async function sendFileBody(sink: BodySink, body: FileBody, o: { signal: AbortSignal; onWritten: (total: number) => void; hash?: ContentHasher }): Promise<void> {
  const handle = await open(body.filePath, 'r').catch((error: unknown) => {
    throw readError(body.filePath, error);
  });
  const stopped = new Promise<void>((resolve) => {
    if (o.signal.aborted) resolve();
    else o.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  try {
    const size = Math.min(MAX_WRITE, body.bytes);
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)] as const;
    const inFlight: [Promise<void>, Promise<void>] = [Promise.resolve(), Promise.resolve()];
    // Set from a write's callback, so the loop below sees it on its next turn.
    const failure: { error?: unknown; failed: boolean } = { failed: false };
    let writeSize = MIN_WRITE;
    let lastDone = performance.now();
    let written = 0;
    let position = 0;
    for (let k = 0; position < body.bytes; k += 1) {
      const i = k % 2;
      await Promise.race([inFlight[i], stopped]);
      if (failure.failed) throw failure.error;
      if (o.signal.aborted) return;
      const buffer = buffers[i] as Buffer;
      const { bytesRead } = await handle.read(buffer, 0, Math.min(writeSize, body.bytes - position), position).catch((error: unknown) => {
        throw readError(body.filePath, error);
      });
      if (bytesRead === 0) throw fileChangedError(body.filePath); // it shrank: S3 would wait for bytes that never come
      // Reads go from byte 0 up without gaps, so this is the file's hash; update() consumes the bytes before it returns.
      o.hash?.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
      if (position === body.bytes) await assertUnchanged(body);
      const issued = performance.now();
      inFlight[i] = writeChunk(sink, buffer.subarray(0, bytesRead)).then(
        () => {
          // How long the kernel took to take this write, not the time it queued behind the other.
          const now = performance.now();
          const took = now - Math.max(lastDone, issued);
          lastDone = now;
          if (took < GROW_BELOW_MS) writeSize = Math.min(writeSize * 2, MAX_WRITE);
          else if (took > SHRINK_ABOVE_MS) writeSize = Math.max(writeSize / 2, MIN_WRITE);
          written += bytesRead;
          o.onWritten(written);
        },
        (error: unknown) => {
          if (failure.failed) return;
          failure.failed = true;
          failure.error = error;
        },
      );
    }
    await Promise.race([Promise.all(inFlight), stopped]);
    if (failure.failed) throw failure.error;
  } finally {
    await handle.close();
  }
}

function writeChunk(sink: BodySink, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

async function assertUnchanged(body: FileBody): Promise<void> {
  const now = await stat(body.filePath).catch(() => null);
  if (!now || now.size !== body.bytes || (body.mtimeMs !== undefined && now.mtimeMs !== body.mtimeMs)) {
    throw fileChangedError(body.filePath);
  }
}

function readError(filePath: string, cause: unknown): LexerError {
  const code = (cause as NodeJS.ErrnoException).code;
  return new LexerError('file-unreadable', `Could not read ${filePath} while uploading it${code ? ` (${code})` : ''}.`, {
    hint: 'Check that the file is still there and readable (a removed USB drive or network share?), then upload it again.',
    cause,
  });
}

/** The error for a file that changed while it was being sent. */
export function fileChangedError(filePath: string): LexerError {
  return new LexerError('file-changed', `The file ${filePath} changed while it was being uploaded, so Lexer would get a mix of old and new data.`, {
    hint: 'Wait until whatever writes the file has finished, then upload it again.',
  });
}
