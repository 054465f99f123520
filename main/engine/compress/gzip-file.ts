import { basename, dirname } from 'node:path';
import type { ContentHash } from '../dedupe/content-hash.js';
import { LexerError, toLexerError } from '../errors.js';
import { openOutputFile, type OutputFile } from '../io/output-file.js';
import { throttleProgress } from '../io/progress-throttle.js';
import { MAX_LEVEL, MIN_LEVEL } from './deflate-block.js';
import { deflateInOrder } from './deflate-in-order.js';
import { createDeflatePool, createInlinePool, defaultDeflateThreads } from './deflate-pool.js';
import { diskFullWhileWriting } from './free-space.js';
import { GzipMember } from './gzip-member.js';
import { fixedBlocks, openSourceReader } from './source-reader.js';
import { BlockBuffers } from './block-buffers.js';

/**
 * The default level, from `bench/gzip.ts --levels 1,3,6,9` on the 1,000,000-row customer NDJSON
 * (README, "Benchmarks"): compress-then-send over a 50 Mbit/s uplink with two idle cores takes
 * 6.5 s at level 6, 6.7 s at 3, 7.3 s at 1 and 7.4 s at 9 (65 s uncompressed). Level 1 wins only
 * when other work takes most of the CPU. It is also gzip's and pigz's own default.
 */
export const DEFAULT_GZIP_LEVEL = 6;
/** Input per block: large enough that messages to the workers cost little, small enough for flat memory. */
export const DEFAULT_BLOCK_BYTES = 1024 * 1024;
/** Below this, one thread compresses faster than workers start. */
const THREADS_FROM_BYTES = 4 * 1024 * 1024;

/** How far compression has got (throttled to one event per 250 ms, plus one at the end). */
export interface CompressProgress {
  bytesRead: number;
  totalBytes: number;
  /** Compressed bytes written so far. */
  bytesWritten: number;
}

export interface CompressOptions {
  /** 0 (store) to 9 (smallest); default {@link DEFAULT_GZIP_LEVEL}. */
  level?: number;
  /** Worker threads; default both cores for files from 4 MiB, none below. */
  threads?: number;
  blockBytes?: number;
  signal?: AbortSignal;
  onProgress?: (p: CompressProgress) => void;
}

export interface GzipFileResult {
  sourceBytes: number;
  /** The content hash of the source file's bytes, computed in the same pass (for the duplicate guard). */
  contentHash: ContentHash;
  gzipBytes: number;
}

/** Checks a compression level given by a user or a setting. */
export function checkGzipLevel(level: number): number {
  if (!Number.isInteger(level) || level < MIN_LEVEL || level > MAX_LEVEL) {
    throw new LexerError('usage', `The compression level must be a whole number from ${MIN_LEVEL} to ${MAX_LEVEL}, not ${level}.`, {
      hint: `Leave it out for the default (${DEFAULT_GZIP_LEVEL}); 1 is fastest, 9 smallest.`,
    });
  }
  return level;
}

/** The pool for a file of `bytes`: threads from 4 MiB unless told. */
export function poolFor(bytes: number, level: number, threads: number | undefined) {
  const count = threads ?? (bytes >= THREADS_FROM_BYTES ? defaultDeflateThreads() : 0);
  return count > 0 ? createDeflatePool(level, count) : createInlinePool(level);
}

/**
 * Turns a failure while compressing or splitting into the message a person needs (a cancel, a
 * full disk); `doing` names the work ("Compressing", "Splitting").
 */
export function compressFailure(error: unknown, source: string, target: string, signal: AbortSignal | undefined, doing = 'Compressing'): LexerError {
  if (signal?.aborted) return new LexerError('cancelled', `${doing} ${basename(source)} was cancelled.`);
  const errno = ((error as { cause?: { code?: string } }).cause ?? error) as { code?: string };
  if (errno.code === 'ENOSPC') return diskFullWhileWriting(dirname(target), `${doing.toLowerCase()} ${basename(source)}`, error);
  return toLexerError(error);
}

/**
 * Compresses `source` into `target` as one gzip member, deflating blocks in parallel on worker
 * threads (pigz's method, see deflate-block.ts), and hashes the source in the same read. The
 * output appears under its name only when complete; a failure or a cancel leaves nothing behind.
 */
export async function gzipFile(source: string, target: string, o: CompressOptions = {}): Promise<GzipFileResult> {
  const level = checkGzipLevel(o.level ?? DEFAULT_GZIP_LEVEL);
  const reader = await openSourceReader(source, o.signal);
  const buffers = new BlockBuffers(o.blockBytes ?? DEFAULT_BLOCK_BYTES);
  const pool = poolFor(reader.totalBytes, level, o.threads);
  const member = new GzipMember(level);
  const progress = throttleProgress(o.onProgress, () => ({ bytesRead: reader.bytesRead, totalBytes: reader.totalBytes, bytesWritten: member.outputBytes }));
  let output: OutputFile | null = null;
  let contentHash: ContentHash;
  try {
    output = await openOutputFile(target);
    await output.write(member.start());
    for await (const block of deflateInOrder(fixedBlocks(reader, buffers), pool, Math.max(2, pool.threads * 2))) {
      await output.write(member.add(block, block.raw.length));
      buffers.give(block.raw);
      progress.tick();
    }
    await output.write(member.finish());
    contentHash = await reader.finish();
    await output.commit();
  } catch (error) {
    await output?.discard();
    throw compressFailure(error, source, target, o.signal);
  } finally {
    await Promise.all([pool.close(), reader.close()]);
  }
  progress.flush();
  return { sourceBytes: reader.bytesRead, contentHash, gzipBytes: member.outputBytes };
}
