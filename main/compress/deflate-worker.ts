/**
 * Worker thread entry: compresses blocks for the parallel gzip writer, so both cores deflate
 * while the main thread reads, hashes and writes. The input comes back with the result
 * (transferred both ways, never copied), since a part cut may need it compressed again.
 */
import * as threads from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { deflateBlock } from './deflate-block.js';
import type { WorkerReply, WorkerJob } from './deflate-pool.js';

const { level } = workerData as { level: number };

/**
 * Each block leaves about 150 KB of zlib output buffers behind, and V8 collects ArrayBuffers only
 * after some 64 MB of them (per thread): two workers then hold over 100 MB of garbage, which put a
 * 6 GB file at 211 MB peak RSS. A full collection of this thread's tiny heap every 16 MB of input
 * costs about a millisecond. `gc` is exposed for contexts made after the flag is set.
 */
const collect = ((): (() => void) | null => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
})();
const COLLECT_EVERY_BYTES = 16 * 1024 * 1024;
let sinceCollect = 0;
/** Node 21 and later (Electron 40 runs Node 24); Node 20 has no untransferable zlib output. */
const isMarkedAsUntransferable = (threads as { isMarkedAsUntransferable?: (o: object) => boolean }).isMarkedAsUntransferable;

parentPort?.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const { deflated, crc } = deflateBlock(job.raw, job.dictionary, level);
    reply = { id: job.id, raw: job.raw, deflated, crc };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply, 'raw' in reply ? transferable(reply) : []);
  sinceCollect += job.raw.byteLength;
  if (collect && sinceCollect >= COLLECT_EVERY_BYTES) {
    sinceCollect = 0;
    collect();
  }
});

/**
 * Both buffers move to the main thread rather than being copied, so garbage does not pile up
 * here (V8 frees ArrayBuffers only after tens of MB of them, per thread). zlib's output is moved
 * only when it fills a buffer of its own: a smaller one is a view of a larger buffer, which on
 * Node 22+ is zlib's shared pool (marked untransferable), so it is copied.
 */
function transferable(reply: { raw: Uint8Array; deflated: Uint8Array }): ArrayBuffer[] {
  const out = reply.deflated;
  const whole = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength && out.byteLength > 8192; // Buffer's pool is 8 KiB
  if (!whole || isMarkedAsUntransferable?.(out.buffer)) reply.deflated = out.slice();
  return [reply.raw.buffer as ArrayBuffer, reply.deflated.buffer as ArrayBuffer];
}
