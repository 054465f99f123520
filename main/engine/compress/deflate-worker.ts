/**
 * Worker thread entry: compresses blocks for the parallel gzip writer, so both cores deflate
 * while the main thread reads, hashes and writes. The input comes back with the result
 * (transferred both ways, never copied), since a part cut may need it compressed again.
 */
import * as threads from 'node:worker_threads';
import { parentPort, workerData } from 'node:worker_threads';
import { deflateBlock } from './deflate-block.js';
import type { WorkerReply, WorkerJob } from './deflate-pool.js';

const { level } = workerData as { level: number };

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
