import type { ContentHasher } from '../dedupe/content-hash.js';
import http from 'node:http';
import https from 'node:https';
import type { ClientRequest } from 'node:http';
import { LexerError } from '../errors.js';
import { proxyAgents } from '../api/proxy-agents.js';
import { stripQuery } from '../api/redact-url.js';
import { parseSecureUrl } from '../api/upload-url.js';
import { RESOLVES_HERE, remoteOnlyLookup } from '../net/remote-only-lookup.js';
import { fileChangedError, sendFileBody } from './send-file-body.js';
import { createProgressMeter } from './transfer-progress.js';
import type { TransferProgress } from './upload-events.js';

export { fileChangedError };

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
  /** Fed every byte of the body as it is read (the duplicate guard's content hash, in the same read). */
  hash?: ContentHasher;
  /** Refuse a host that resolves to this computer (the link came from an API that is not on it). */
  remoteOnly?: boolean;
}

/** S3's answer: its status and the start of its body (an XML error is a few hundred bytes). */
interface PutResponse { status: number; body: string }
const MAX_RESPONSE_BODY = 64 * 1024;

/**
 * Sends a file as the whole body of one PUT to a presigned URL, streamed with Content-Length.
 *
 * Sent with Node's own http/https rather than got (which the API calls keep): got's stream
 * wrapping cost a third of curl's throughput and doubled the peak RSS, and the PUT needs
 * none of what got adds (no retries, no redirects, no decompression, no JSON). What it does need
 * is here: only the headers S3 signed, a stall watchdog, cancellation, a proxy, S3's XML errors.
 */
export async function putFile(o: PutFileOptions): Promise<void> {
  const url = parseSecureUrl(o.url, 'upload URL');
  const stallMs = o.stallTimeoutMs ?? 60_000;
  const internal = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, internal.signal]) : internal.signal;
  const stopSending = new AbortController();
  const meter = createProgressMeter(o.bytes, (p) => o.onProgress?.(p));

  let lastProgressAt = Date.now();
  const watchdog = setInterval(() => {
    if (Date.now() - lastProgressAt >= stallMs) internal.abort('stalled');
  }, Math.max(10, Math.min(1000, stallMs / 4)));

  const agent = proxyAgents(o.proxyUrl)?.[url.protocol === 'https:' ? 'https' : 'http'];
  const request = (url.protocol === 'https:' ? https : http).request(url, {
    method: 'PUT',
    // Only what S3 needs: the length. The presigned URL signs just `host`
    // (X-Amz-SignedHeaders=host); Node adds Host and Connection and nothing else (no user-agent,
    // no accept-encoding, no Content-Type, which S3 would only check if it had been signed).
    // Never chunked: S3 rejects that (501). Redirects are never followed: a 3xx is S3's answer.
    headers: { 'content-length': String(o.bytes) },
    signal,
    ...(agent ? { agent } : {}),
    // Through a proxy, the lookup would be the proxy's own (often on this computer): the proxy resolves the link's host.
    ...(o.remoteOnly && !agent ? { lookup: remoteOnlyLookup } : {}),
  });
  const response = readResponse(request);

  let sendFailure: LexerError | null = null;
  const sending = sendFileBody(request, o, {
    signal: stopSending.signal,
    ...(o.hash ? { hash: o.hash } : {}),
    onWritten: (total) => {
      lastProgressAt = Date.now();
      meter.update(total);
    },
  }).then(
    () => {
      if (!stopSending.signal.aborted) request.end();
    },
    (error: unknown) => {
      if (error instanceof LexerError) {
        // Our own decision (the file changed, or could not be read): stop the request for it.
        sendFailure = error;
        internal.abort('send-failed');
      } else {
        // A failed write is the socket's error, which the request reports itself; destroying it
        // with the error makes sure it does even if the socket went quietly.
        request.destroy(error as Error);
      }
    },
  );

  let answered = false;
  try {
    const { status, body } = await response;
    if (status < 200 || status >= 300) {
      // Loaded only now: the XML parser is for S3's refusals, not for every upload.
      const { s3Error } = await import('./s3-error.js');
      throw s3Error(status, body, o.displayName);
    }
    await sending; // a 2xx comes only once every byte arrived; this settles the last write's callback
    if (sendFailure) throw sendFailure;
    answered = true;
    meter.finish();
  } catch (error) {
    throw putError(sendFailure ?? error, o, internal.signal.reason, stallMs);
  } finally {
    clearInterval(watchdog);
    stopSending.abort();
    // A refused or failed PUT leaves a half-sent body: that connection cannot carry another request.
    if (!answered) request.destroy();
    await sending;
  }
}

/** Resolves with the status and (the start of) the body once the whole response has arrived. */
function readResponse(request: ClientRequest): Promise<PutResponse> {
  return new Promise((resolve, reject) => {
    // Kept for the request's whole life: an error after the answer (a reset while we stop
    // sending a refused body) must not become an uncaught 'error' event.
    request.on('error', reject);
    // Node reports a socket closed before the answer as an error; this covers a quiet close too.
    let answered = false;
    request.once('close', () => {
      if (!answered) reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    });
    request.once('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept >= MAX_RESPONSE_BODY) return;
        chunks.push(chunk);
        kept += chunk.length;
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.once('error', reject);
      res.once('close', () => {
        if (!res.complete) reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      });
    });
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
  if (o.signal?.aborted) return new LexerError('cancelled', `The upload of ${o.displayName} was cancelled.`);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = stripQuery(o.url);
  if (code === RESOLVES_HERE) {
    return new LexerError('wrong-api-url', `The upload link for ${o.displayName} (${where}) leads to this computer; nothing was sent there.`, {
      hint: 'Check the API URL (the default is https://api.lexer.io): Lexer\'s upload links go to Amazon S3.',
    });
  }
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
