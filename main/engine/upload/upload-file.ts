import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestUploadUrl } from '../api/api-client.js';
import type { RateLimiter } from '../api/rate-limiter.js';
import { rateLimiterForToken } from '../api/rate-limiter.js';
import { backoffDelay } from '../api/retry-policy.js';
import { isThisComputer } from '../api/upload-url.js';
import { LexerError, toLexerError } from '../errors.js';
import { createContentHasher, type ContentHash, type ContentHasher } from '../dedupe/content-hash.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { checkUploadableFile } from './preflight.js';
import { fileChangedError, putFile } from './put-file.js';
import type { UploadEvent } from './upload-events.js';

export interface UploadFileRequest {
  filePath: string;
  filename: string;
  destination?: { datasetId: string; recordType: RecordTypeName };
}

export interface UploadFileOptions {
  apiUrl: string;
  token: string;
  signal?: AbortSignal;
  onEvent?: (e: UploadEvent) => void;
  maxAttempts?: number;
  stallTimeoutMs?: number;
  retryBaseMs?: number;
  limiter?: RateLimiter;
  proxyUrl?: string | null;
  /**
   * The proxy for each URL, where it may differ (a desktop's PAC file can send the Lexer API and
   * the S3 host different ways); overrides `proxyUrl`. A failed lookup means a direct connection.
   */
  proxyFor?: (url: string) => Promise<string | null>;
  /** Called once the file passed its checks and before the first request (history goes In Progress). */
  onStart?: (info: { bytes: number }) => void;
  /** Hash the file while it is read for the PUT (the duplicate guard's content hash, no second pass). */
  hashFile?: boolean;
  /**
   * A link asked for ahead ({@link requestLinkAhead}, while the file was being compressed): the
   * first try uses it instead of asking. Null (the ask failed): the first try asks itself.
   */
  linkAhead?: Promise<UploadLink | null>;
}

/** Lexer's answer to POST /v1/uploads: the upload's id and the presigned PUT URL. */
export interface UploadLink {
  id: string;
  url: string;
}

export interface UploadFileResult {
  uploadId: string;
  filename: string;
  bytes: number;
  /** The content hash of the bytes sent, with `hashFile`; else null. */
  contentHash: ContentHash | null;
}

// S3 has no way to continue a single PUT that broke off (only multipart uploads resume, and the
// File Upload API hands out one plain PUT URL), so every retry sends the file from byte 0.
const RESTART_NOTE = 'A single PUT cannot resume, so the whole file is sent again from the start with a fresh link.';

type LinkRequest = Pick<UploadFileRequest, 'filename' | 'destination'>;

/** POST /v1/uploads for `req` with got's bounded retries, through the token's rate limiter. */
async function requestLink(req: LinkRequest, opts: UploadFileOptions, onRetry?: (attempt: number, reason: string, delayMs: number) => void): Promise<UploadLink> {
  const proxyUrl = opts.proxyFor ? await opts.proxyFor(opts.apiUrl).catch(() => null) : (opts.proxyUrl ?? null);
  return requestUploadUrl({
    apiUrl: opts.apiUrl, token: opts.token, filename: req.filename, destination: req.destination, signal: opts.signal,
    limiter: opts.limiter ?? rateLimiterForToken(opts.token), proxyUrl, retryBaseMs: opts.retryBaseMs ?? 1000,
    maxAttempts: Math.max(1, opts.maxAttempts ?? 5), ...(onRetry ? { onRetry } : {}),
  });
}

/**
 * Asks for `req`'s link now, so the API call overlaps work that comes before the PUT (compressing
 * the file). One request, no retries, and it never rejects: on any failure (a 429 to wait out, a
 * refusal) it answers null and the upload asks again itself, retrying and reporting as usual.
 */
export function requestLinkAhead(req: LinkRequest, opts: UploadFileOptions): Promise<UploadLink | null> {
  return requestLink(req, { ...opts, maxAttempts: 1 }).catch(() => null);
}

/** Uploads one file: checks it, asks Lexer for a URL, streams it with one PUT, retrying with fresh URLs. */
export async function uploadFile(req: UploadFileRequest, opts: UploadFileOptions): Promise<UploadFileResult> {
  const emit = (e: UploadEvent): void => opts.onEvent?.(e);
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 5);
  const baseMs = opts.retryBaseMs ?? 1000;
  const limiter = opts.limiter ?? rateLimiterForToken(opts.token);
  const proxyFor = async (url: string): Promise<string | null> =>
    opts.proxyFor ? opts.proxyFor(url).catch(() => null) : (opts.proxyUrl ?? null);
  const cancelled = (): LexerError => new LexerError('cancelled', `The upload of ${req.filename} was cancelled.`);

  emit({ kind: 'checking-file' });
  const file = await checkUploadableFile(req.filePath);
  if (opts.signal?.aborted) throw cancelled();
  opts.onStart?.({ bytes: file.bytes });

  const assertUnchanged = async (): Promise<void> => {
    const now = await stat(req.filePath).catch(() => null);
    if (!now || now.size !== file.bytes || now.mtimeMs !== file.mtimeMs) throw fileChangedError(req.filePath);
  };

  for (let attempt = 1; ; attempt += 1) {
    let phase: 'api' | 'put' = 'api';
    try {
      await assertUnchanged();
      emit({ kind: 'requesting-url', attempt });
      const ahead = attempt === 1 ? await opts.linkAhead : null;
      const { id, url } = ahead ?? await requestLink(req, { ...opts, limiter }, (a, reason, delayMs) => emit({ kind: 'retrying', attempt: a, reason, delayMs }));
      phase = 'put';
      // A fresh hash per try: only the try that sent every byte counts.
      const hash: ContentHasher | null = opts.hashFile ? await createContentHasher() : null;
      await putFile({
        url,
        filePath: req.filePath,
        bytes: file.bytes,
        mtimeMs: file.mtimeMs,
        displayName: req.filename,
        signal: opts.signal,
        stallTimeoutMs: opts.stallTimeoutMs,
        proxyUrl: await proxyFor(url),
        remoteOnly: !isThisComputer(new URL(opts.apiUrl).hostname),
        onProgress: (progress) => emit({ kind: 'uploading', attempt, progress }),
        ...(hash ? { hash } : {}),
      });
      // A write that landed during the PUT may not have changed the size: check mtime again.
      await assertUnchanged();
      return { uploadId: id, filename: req.filename, bytes: file.bytes, contentHash: hash ? hash.digest() : null };
    } catch (thrown) {
      if (opts.signal?.aborted) throw cancelled();
      const error = toLexerError(thrown);
      // The API call has already used got's own bounded retries; a PUT failure that a fresh
      // link can fix (reset, stall, 5xx, expired link) is tried again here.
      if (phase === 'api' || !error.retryable) throw error;
      if (attempt >= maxAttempts) throw gaveUp(error, attempt);
      const delayMs = Math.round(backoffDelay(attempt, baseMs));
      emit({ kind: 'retrying', attempt: attempt + 1, reason: `${error.message} ${RESTART_NOTE}`, delayMs });
      try {
        await sleep(delayMs, undefined, { signal: opts.signal });
      } catch {
        throw cancelled();
      }
    }
  }
}

/** The final error once every try failed, saying how many were made. */
function gaveUp(error: LexerError, attempts: number): LexerError {
  return new LexerError(error.code, `${error.message} Gave up after ${attempts} tries.`, { hint: error.hint, cause: error });
}
