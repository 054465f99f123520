/**
 * Worker thread entry: compresses blocks for the parallel gzip writer, so both cores deflate
 * while the main thread reads, hashes and writes. The input comes back with the result
 * (transferred both ways, never copied), since a part cut may need it compressed again.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deflateBlock } from './deflate-block.js';
import type { WorkerReply, WorkerJob } from './deflate-pool.js';

const { level } = workerData as { level: number };

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
 * here (V8 collects ArrayBuffers only after about 64 MB of them, per thread). zlib's output is a
 * buffer of its own unless it is tiny, when it may be a slice of Node's shared pool: copied then.
 */
function transferable(reply: { raw: Uint8Array; deflated: Uint8Array }): ArrayBuffer[] {
  if (reply.deflated.buffer.byteLength <= 8192) reply.deflated = reply.deflated.slice();
  return [reply.raw.buffer as ArrayBuffer, reply.deflated.buffer as ArrayBuffer];
}
