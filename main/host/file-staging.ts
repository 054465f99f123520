/**
 * `POST /files?name=<name>`: a file chosen or dropped in the browser is streamed (never
 * buffered) into `<configDir>/staging/<random>/<name>` and from then on handled like a path.
 * The name is kept as the person saw it (spaces and all: the name check must see the real
 * name), minus anything that could leave the folder. Any size the disk can hold: a file over one
 * upload's 5 GiB is sent in parts.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../contract/result.js';
import { BIDI_CONTROLS } from '../services/files/visible-text.js';
import { freeBytes } from '../engine/compress/free-space.js';
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

/** Left free on the disk beyond a staged copy, so a big drop never fills it (History, settings). */
const RESERVE_BYTES = 256 * 1024 * 1024;

/** How many bytes one staged copy may have: a limit a test set, else what the disk can spare. */
interface Room {
  bytes: number;
  /** Set when the disk is the limit: the bytes free, for the message. */
  free: number | null;
}

async function roomFor(dir: string, maxBytes: number | undefined): Promise<Room> {
  if (maxBytes !== undefined) return { bytes: maxBytes, free: null };
  const free = await freeBytes(dir);
  return free === null ? { bytes: Number.POSITIVE_INFINITY, free: null } : { bytes: Math.max(0, free - RESERVE_BYTES), free };
}

const gb = (bytes: number): string => `${(bytes / 1e9).toLocaleString('en', { maximumFractionDigits: 1 })} GB`;

/**
 * Answers 413 (a set limit) or 507 (the disk is full) and closes the connection once the reply is
 * out, rather than read gigabytes only to discard them.
 */
function refuse(req: IncomingMessage, res: ServerResponse, name: string, size: number | null, room: Room): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.destroy());
  const sized = size === null ? name : `${name} (${size.toLocaleString('en')} bytes)`;
  const body: Result<never> = room.free === null
    ? { ok: false, error: { code: 'file-too-large', message: `${sized} is over the limit of ${room.bytes.toLocaleString('en')} bytes for one file.`, hint: 'Split the file into smaller files and add each one.' } }
    : {
      ok: false,
      error: {
        code: 'disk-full',
        message: `There is not enough free space to copy ${sized} to the app: ${gb(room.free)} is free, and ${gb(RESERVE_BYTES)} is kept free.`,
        hint: 'Free some space on this computer\'s disk and add the file again, or run `lexer-upload upload`, which reads the file where it is.',
      },
    };
  sendJson(res, room.free === null ? 413 : 507, body);
}

/** Thrown by the byte counter when a body goes past the limit. */
class TooLarge extends Error {}

/**
 * Streams the request body to a staging folder and answers the path. The bytes are counted as
 * they arrive: a chunked body has no Content-Length to check first, and one past what the disk
 * can spare (or `maxBytes`, when set) is cut off with 507 (413) and nothing left on disk.
 */
export async function handleFileUpload(
  req: IncomingMessage, res: ServerResponse, url: URL, stagingRoot: string, o: { maxBytes?: number | undefined; onStaged: (path: string) => void },
): Promise<void> {
  const { maxBytes } = o;
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'usage', message: 'Use POST to stage a file.' } });
  const name = sanitiseFileName(url.searchParams.get('name') ?? '');
  const declared = Number(req.headers['content-length'] ?? NaN);
  await mkdir(stagingRoot, { recursive: true, mode: 0o700 }).catch(() => undefined);
  const room = await roomFor(stagingRoot, maxBytes);
  // Refused before a byte is copied when the size is known.
  if (declared > room.bytes) return refuse(req, res, name, declared, room);
  const dir = join(stagingRoot, randomUUID());
  const path = join(dir, name);
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > room.bytes ? new TooLarge() : null, chunk);
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
    o.onStaged(path);
    const body: Result<string> = { ok: true, value: path };
    sendJson(res, 200, body);
  } catch (error) {
    req.unpipe(counter);
    await rm(dir, { recursive: true, force: true });
    if (res.headersSent) return;
    if (error instanceof TooLarge) return refuse(req, res, name, null, room);
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
