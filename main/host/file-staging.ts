/**
 * `POST /files?name=<name>`: a file chosen or dropped in the browser is streamed (never
 * buffered) into `<configDir>/staging/<random>/<name>` and from then on handled like a path.
 * The name is kept as the person saw it (spaces and all: the name check must see the real
 * name), minus anything that could leave the folder.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../../preload/contract.js';
import { BIDI_CONTROLS } from '../app/visible-text.js';
import { MAX_UPLOAD_BYTES } from '../upload/preflight.js';
import { sendJson } from './http-replies.js';

/**
 * The last path segment of a browser-supplied name, without control characters nor the
 * bidirectional controls that reorder a name wherever it is shown; never `.`/`..`.
 */
export function sanitiseFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const last = (name.split(/[\\/]/).pop() ?? '').replace(/[\x00-\x1f\x7f]/g, '').replace(BIDI_CONTROLS, '').trim();
  const safe = last === '.' || last === '..' ? '' : last;
  if (Buffer.byteLength(safe) <= 255) return safe || 'file';
  const ext = extname(safe).slice(0, 16); // keep the extension: the kind and the name rules depend on it
  return `${safe.slice(0, 50)}${ext}`;
}

/** The limit in words: one upload's 5 GiB, or the smaller limit a test set. */
const limitText = (maxBytes: number): string =>
  maxBytes === MAX_UPLOAD_BYTES ? 'the 5 GiB (5,368,709,120 bytes) limit of one upload' : `the limit of ${maxBytes.toLocaleString('en')} bytes`;

/** Answers 413 and closes the connection once the reply is out, rather than read gigabytes only to discard them. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, message: string): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.destroy());
  const body: Result<never> = { ok: false, error: { code: 'file-too-large', message, hint: 'Split the file into smaller files and upload each one.' } };
  sendJson(res, 413, body);
}

/** Thrown by the byte counter when a body goes past the limit. */
class TooLarge extends Error {}

/**
 * Streams the request body to a staging folder and answers the path. The bytes are counted as
 * they arrive: a chunked body has no Content-Length to check first, and one past `maxBytes` is
 * cut off with 413 and nothing left on disk (issue 10).
 */
export async function handleFileUpload(req: IncomingMessage, res: ServerResponse, url: URL, stagingRoot: string, maxBytes = MAX_UPLOAD_BYTES): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'usage', message: 'Use POST to stage a file.' } });
  const name = sanitiseFileName(url.searchParams.get('name') ?? '');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    // Refuse before copying 5 GB to disk (the renderer checks the size before sending).
    return refuseTooLarge(req, res, `${name} is ${declared.toLocaleString('en')} bytes, over ${limitText(maxBytes)}.`);
  }
  const dir = join(stagingRoot, randomUUID());
  const path = join(dir, name);
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > maxBytes ? new TooLarge() : null, chunk);
    },
  });
  // The request is piped by hand: pipeline() would destroy it on a refusal, and with it the
  // socket the 413 has to go out on. A client that goes away mid-body ends the copy too.
  const onClose = (): void => void (req.complete || counter.destroy(new Error('The browser stopped sending the file.')));
  req.once('close', onClose);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    req.pipe(counter);
    await pipeline(counter, createWriteStream(path, { mode: 0o600 }));
    const body: Result<string> = { ok: true, value: path };
    sendJson(res, 200, body);
  } catch (error) {
    req.unpipe(counter);
    await rm(dir, { recursive: true, force: true });
    if (res.headersSent) return;
    if (error instanceof TooLarge) return refuseTooLarge(req, res, `${name} is over ${limitText(maxBytes)}.`);
    sendJson(res, 500, { ok: false, error: { code: 'file-unreadable', message: `${name} could not be copied from the browser.`, hint: 'Try adding the file again.' } });
  } finally {
    req.off('close', onClose);
  }
}

/** Copies older than this are removed when the host starts; History's Retry needs recent ones. */
export const STAGING_KEEP_DAYS = 14;

/**
 * Removes staged copies older than {@link STAGING_KEEP_DAYS}: each drop in the browser copies the
 * file, and without pruning those copies (up to 5 GiB each) would pile up for ever. A failure here
 * only leaves old copies behind; it never stops the host.
 */
export async function pruneStaging(stagingRoot: string, now = Date.now()): Promise<number> {
  const cutoff = now - STAGING_KEEP_DAYS * 24 * 3600 * 1000;
  let removed = 0;
  for (const name of await readdir(stagingRoot).catch(() => [] as string[])) {
    const dir = join(stagingRoot, name);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory() || info.mtimeMs >= cutoff) continue;
    await rm(dir, { recursive: true, force: true }).then(() => (removed += 1), () => undefined);
  }
  return removed;
}
