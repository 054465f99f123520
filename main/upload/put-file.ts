import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, pipeline } from 'node:stream';
import got, { RequestError } from 'got';
import { LexerError } from '../errors.js';
import { proxyAgents } from '../api/proxy-agents.js';
import { stripQuery } from '../api/redact-url.js';
import { parseSecureUrl } from '../api/upload-url.js';
import { s3Error } from './s3-error.js';
import { createProgressMeter } from './transfer-progress.js';
import type { TransferProgress } from './upload-events.js';

export interface PutFileOptions {
  url: string;
  filePath: string;
  /** Exactly the bytes announced in Content-Length; the read stops there even if the file grew. */
  bytes: number;
  /** The file's mtime when it was checked; a different one before the last bytes go out fails the PUT. */
  mtimeMs?: number;
  /** The name shown in messages. */
  displayName: string;
  signal?: AbortSignal;
  stallTimeoutMs?: number;
  proxyUrl?: string | null;
  onProgress?: (p: TransferProgress) => void;
}

// 4 MiB reads: fewer, larger reads and socket writes leave more of a shared CPU to the rest of
// the machine (bench/upload: 0.94x curl against the sandbox with 4 MiB, 0.86x with 1 MiB), and
// with back-pressure at most a few chunks (tens of MiB) are buffered, whatever the file size.
const READ_CHUNK = 4 * 1024 * 1024;

/** Sends a file as the whole body of one PUT to a presigned URL, streamed with Content-Length. */
export async function putFile(o: PutFileOptions): Promise<void> {
  parseSecureUrl(o.url, 'upload URL');
  const stallMs = o.stallTimeoutMs ?? 60_000;
  const internal = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, internal.signal]) : internal.signal;
  const meter = createProgressMeter(o.bytes, (p) => o.onProgress?.(p));
  const file = createReadStream(o.filePath, { start: 0, end: o.bytes - 1, highWaterMark: READ_CHUNK });
  file.on('end', () => {
    // The file shrank under us: S3 would wait for bytes that never come. Stop now instead.
    if (file.bytesRead < o.bytes) internal.abort('file-changed');
  });
  const body = lastChunkGuard(o, () => internal.abort('file-changed'));
  // pipeline: a read error destroys the body (and so fails the PUT) instead of leaving it hanging.
  pipeline(file, body, () => undefined);

  let lastProgressAt = Date.now();
  let lastBytes = 0;
  const watchdog = setInterval(() => {
    if (Date.now() - lastProgressAt >= stallMs) internal.abort('stalled');
  }, Math.max(10, Math.min(1000, stallMs / 4)));

  try {
    const response = await got.put(o.url, {
      body,
      // Only what S3 needs: the length. The presigned URL signs just `host`
      // (X-Amz-SignedHeaders=host), and got's defaults that would otherwise ride along are
      // removed: its user-agent, and accept-encoding (decompress: false). No Content-Type, which
      // S3 would only check if it had been signed. Never chunked: S3 rejects that (501).
      headers: { 'content-length': String(o.bytes), 'user-agent': undefined },
      decompress: false,
      responseType: 'text',
      throwHttpErrors: false,
      retry: { limit: 0 }, // a retry needs a fresh URL and a fresh stream: upload-file.ts does it
      followRedirect: false,
      signal,
      agent: proxyAgents(o.proxyUrl),
    }).on('uploadProgress', (p) => {
      if (p.transferred !== lastBytes) {
        lastBytes = p.transferred;
        lastProgressAt = Date.now();
      }
      meter.update(p.transferred);
    });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw s3Error(response.statusCode, response.body, o.displayName);
    }
    meter.finish();
  } catch (error) {
    throw putError(error, o, internal.signal.reason, stallMs);
  } finally {
    clearInterval(watchdog);
    file.destroy();
    body.destroy();
  }
}

/**
 * Passes the file's bytes on, but holds the last chunk back until a fresh stat shows the size and
 * mtime it had when checked. S3 stores an object only once every byte announced in Content-Length
 * has arrived, so a file written to during the PUT is refused here and never stored as a mix of
 * old and new data (issue 2: "fail clearly rather than send a mix").
 */
function lastChunkGuard(o: PutFileOptions, onChanged: () => void): Transform {
  let seen = 0;
  return new Transform({
    // As large as a read, so the extra hop never splits or queues the chunks.
    highWaterMark: READ_CHUNK,
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen < o.bytes) return done(null, chunk);
      const changed = (): void => {
        onChanged();
        done(fileChangedError(o.filePath));
      };
      stat(o.filePath).then(
        (now) => (now.size !== o.bytes || (o.mtimeMs !== undefined && now.mtimeMs !== o.mtimeMs) ? changed() : done(null, chunk)),
        changed,
      );
    },
  });
}

/** Classifies a failed PUT: cancelled, stalled, file changed, connection lost, or S3's answer. */
function putError(error: unknown, o: PutFileOptions, internalReason: unknown, stallMs: number): LexerError {
  if (error instanceof LexerError) return error;
  if (internalReason === 'stalled') {
    return new LexerError('upload-stalled', `The upload of ${o.displayName} made no progress for ${Math.round(stallMs / 1000)} s.`, {
      hint: 'Check your connection; the app tries again with a fresh link.',
      retryable: true,
    });
  }
  if (internalReason === 'file-changed') return fileChangedError(o.filePath);
  if (o.signal?.aborted) return new LexerError('cancelled', `The upload of ${o.displayName} was cancelled.`);
  const code = error instanceof RequestError ? error.code : undefined;
  const where = stripQuery(o.url);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNREFUSED' || /socket hang up/i.test(String((error as Error).message))) {
    return new LexerError('connection-reset', `The connection to ${where} was lost while sending ${o.displayName}${code ? ` (${code})` : ''}.`, {
      hint: 'Check your connection; the upload starts again from the beginning with a fresh link.',
      retryable: true,
      cause: error,
    });
  }
  return new LexerError('network-error', `Could not send ${o.displayName} to ${where}${code ? ` (${code})` : ''}.`, {
    hint: 'Check your internet connection and proxy settings, then try again.',
    retryable: true,
    cause: error,
  });
}

/** The error for a file that changed while it was being sent. */
export function fileChangedError(filePath: string): LexerError {
  return new LexerError('file-changed', `The file ${filePath} changed while it was being uploaded, so Lexer would get a mix of old and new data.`, {
    hint: 'Wait until whatever writes the file has finished, then upload it again.',
  });
}
