import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BlockBuffers } from '../compress/block-buffers.js';
import { deflateInOrder } from '../compress/deflate-in-order.js';
import { ensureFreeSpace, estimateGzipBytes, gzipWorstCase } from '../compress/free-space.js';
import {
  DEFAULT_BLOCK_BYTES, DEFAULT_GZIP_LEVEL, checkGzipLevel, compressFailure, gzipFile, poolFor, type CompressOptions, type CompressProgress,
} from '../compress/gzip-file.js';
import { openSourceReader, sourceChanged, type SourceReader } from '../compress/source-reader.js';
import { createTempWorkspace, type TempWorkspace } from '../compress/temp-workspace.js';
import type { ContentHash } from '../dedupe/content-hash.js';
import { LexerError } from '../errors.js';
import { unreadable } from '../io/unreadable.js';
import { isGzip } from '../io/gzip-magic.js';
import { throttleProgress } from '../io/progress-throttle.js';
import { readCsvLayout } from './csv-layout.js';
import { partFileName } from './part-names.js';
export { partsNotice } from './parts-notice.js';
import { MAX_PART_BYTES, compressesIntoOnePart } from './part-size.js';
import { PartWriter } from './part-writer.js';
import { recordBlocks, type Fill } from './record-blocks.js';
import { csvFormat, ndjsonFormat, type RecordFormat } from './record-format.js';
import { encodeTo, gunzippedInput, plainInput, utf8Input } from './source-input.js';
import { sentAsIs, type PreparedUpload } from './prepared-upload.js';

/** How the records of a file are cut when it must be split; 'other' (a JSON array, an unknown kind) never is. */
export type SplitFormat = 'ndjson' | 'csv' | 'other';

export type { PreparedPart, PreparedUpload } from './prepared-upload.js';

export interface PrepareRequest {
  sourcePath: string;
  /** The name the whole file is sent under (ending .gz when compressed); parts take theirs from it. */
  filename: string;
  format: SplitFormat;
  /** Compress on the way (a file that already is gzip is never compressed again). */
  gzip: boolean;
}

/** What preparing is doing: compressing (one file) or cutting into parts (compressed or not). */
export interface PrepareProgress extends CompressProgress {
  step: 'compressing' | 'splitting';
  /** Parts so far (the one being written included). */
  parts: number;
}

export interface PrepareOptions extends Omit<CompressOptions, 'onProgress'> {
  /** Most bytes one part may have as sent; default S3's 5 GiB per PUT. */
  partBytes?: number;
  /** Folder for the compressed copy or the parts (the app's temp/cache folder); default the system's. */
  tempRoot?: string;
  onProgress?: (p: PrepareProgress) => void;
}

/** One file to request and send: the whole file, or one of its parts. */
/** A record longer than this is a CSV quote that never closes, not data. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/**
 * Gets a file ready to send: as it is, compressed into one temporary file, or cut at record
 * boundaries into parts that are each under the part size as sent. The source is read
 * once; its content hash comes from that read.
 *
 * - Sent as it is: a file that needs no compression (gzip off, or already gzip) and fits in one part.
 * - One compressed file: gzip on and the file fits in one part even if it did not compress at all.
 * - Parts: anything else. NDJSON is cut at lines, CSV at rows (never inside a quoted cell) with
 *   the byte-order mark and header row repeated in every part, in the file's own encoding.
 */
export async function prepareUpload(req: PrepareRequest, o: PrepareOptions = {}): Promise<PreparedUpload> {
  const limit = o.partBytes ?? MAX_PART_BYTES;
  const level = checkGzipLevel(o.level ?? DEFAULT_GZIP_LEVEL);
  let size: number;
  let alreadyGzip: boolean;
  try {
    size = (await stat(req.sourcePath)).size;
    alreadyGzip = await isGzip(req.sourcePath);
  } catch (error) {
    throw unreadable(req.sourcePath, error);
  }
  const compress = req.gzip && !alreadyGzip;
  if (!compress && size <= limit) {
    return sentAsIs(req.sourcePath, req.filename, size);
  }
  const what = basename(req.sourcePath);
  if (req.format === 'other' || (alreadyGzip && req.format !== 'ndjson')) {
    throw new LexerError('file-too-large', `${what} is ${size.toLocaleString('en-US')} bytes, over the part size of ${limit.toLocaleString('en-US')}, and a file of this kind cannot be cut into parts.`, {
      hint: alreadyGzip ? 'Split the file before compressing it, or send it as NDJSON.' : 'Convert it to NDJSON (or send it as CSV), which can be cut at record boundaries.',
    });
  }
  const gzipOut = compress || alreadyGzip;
  const workspace = await createTempWorkspace(o.tempRoot);
  try {
    const needed = !gzipOut ? size + Math.ceil(size / limit) * 256 * 1024
      : alreadyGzip ? Math.ceil(size + size / 10)
        : { atMost: gzipWorstCase(size), estimate: () => estimateGzipBytes(req.sourcePath, size, level) };
    await ensureFreeSpace(workspace.dir, needed, `prepare ${what} for sending`);
    const fitsWhole = compress && compressesIntoOnePart(size, limit);
    const written = fitsWhole ? await compressWhole(req, workspace, level, o) : await split(req, workspace, limit, gzipOut ? level : null, alreadyGzip, o);
    const count = written.files.length;
    const parts = written.files.map((f, i) => ({ index: i + 1, count, filename: partFileName(req.filename, i + 1, count), path: f.path, bytes: f.bytes }));
    const sentBytes = parts.reduce((sum, p) => sum + p.bytes, 0);
    return { parts, compressed: gzipOut, sourceBytes: size, contentHash: written.contentHash, sentBytes, dispose: () => workspace.dispose() };
  } catch (error) {
    await workspace.dispose();
    throw error;
  }
}

interface Written { files: Array<{ path: string; bytes: number }>; contentHash: ContentHash }

async function compressWhole(req: PrepareRequest, workspace: TempWorkspace, level: number, o: PrepareOptions): Promise<Written> {
  const path = workspace.file('part-1');
  const onProgress = o.onProgress ? (p: CompressProgress) => o.onProgress?.({ ...p, step: 'compressing', parts: 1 }) : undefined;
  const r = await gzipFile(req.sourcePath, path, { ...o, level, onProgress });
  return { files: [{ path, bytes: r.gzipBytes }], contentHash: r.contentHash };
}

/** Blocks of about this many bytes; smaller for small parts, so a part holds several. */
function blockBytesFor(limit: number): number {
  return Math.min(DEFAULT_BLOCK_BYTES, Math.max(16 * 1024, Math.floor(limit / 4)));
}

/** The record format, the bytes each part starts with, and the blocks of whole records. */
async function recordInput(req: PrepareRequest, reader: SourceReader, buffers: BlockBuffers, alreadyGzip: boolean, limit: number) {
  const what = basename(req.sourcePath);
  const maxRecord = Math.min(limit, MAX_RECORD_BYTES);
  if (req.format !== 'csv') {
    const fill: Fill = alreadyGzip ? gunzippedInput(reader, req.sourcePath) : plainInput(reader);
    return { format: ndjsonFormat as RecordFormat, prefix: new Uint8Array(0), blocks: recordBlocks(fill, buffers, ndjsonFormat.lastEnd, what, maxRecord) };
  }
  const layout = await readCsvLayout(req.sourcePath);
  const prefix = new Uint8Array(layout.headerBytes);
  if ((await reader.fill(prefix, 0)) !== prefix.length) throw sourceChanged(req.sourcePath);
  const format = csvFormat(layout.delimiter, layout.newline, layout.encoding);
  if (layout.encoding === 'UTF-8') {
    return { format, prefix, blocks: recordBlocks(plainInput(reader), buffers, format.lastEnd, what, maxRecord) };
  }
  const utf8 = recordBlocks(utf8Input(reader, layout.encoding), buffers, format.lastEnd, what, maxRecord);
  return { format, prefix, blocks: encodeTo(utf8, layout.encoding) };
}

async function split(req: PrepareRequest, workspace: TempWorkspace, limit: number, level: number | null, alreadyGzip: boolean, o: PrepareOptions): Promise<Written> {
  const reader = await openSourceReader(req.sourcePath, o.signal);
  const buffers = new BlockBuffers(blockBytesFor(limit));
  const pool = level === null ? null : poolFor(reader.totalBytes, level, o.threads);
  let writer: PartWriter | null = null;
  try {
    const input = await recordInput(req, reader, buffers, alreadyGzip, limit);
    const w = new PartWriter({ limit, gzipLevel: level, prefix: input.prefix, format: input.format, pathFor: (i) => workspace.file(`part-${i}`), what: basename(req.sourcePath) });
    writer = w;
    const progress = throttleProgress(o.onProgress, () => ({
      step: 'splitting' as const, bytesRead: reader.bytesRead, totalBytes: reader.totalBytes, bytesWritten: w.bytesWritten, parts: w.partCount,
    }));
    if (pool) {
      for await (const block of deflateInOrder(input.blocks, pool, Math.max(2, pool.threads * 2))) {
        await w.add(block.raw, block);
        buffers.give(block.raw);
        progress.tick();
      }
    } else {
      // Not handed back for reuse: the file stream may still hold the block until it is flushed.
      for await (const block of input.blocks) {
        await w.add(block);
        progress.tick();
      }
    }
    const files = await w.finish();
    const contentHash = await reader.finish();
    progress.flush();
    return { files, contentHash };
  } catch (error) {
    await writer?.discard();
    throw compressFailure(error, req.sourcePath, workspace.file('part'), o.signal, level === null ? 'Splitting' : 'Compressing');
  } finally {
    await Promise.all([pool?.close(), reader.close()]);
  }
}
