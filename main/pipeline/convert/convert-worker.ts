/**
 * Worker thread entry: converts CSV chunks (parse with papaparse, type, check, serialise,
 * compress) so both cores work while the main thread reads and writes the files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { convertChunk, type RunnerSetup } from './chunk-runner.js';

const setup = workerData as RunnerSetup;

parentPort?.on('message', (message: { seq: number; bytes: Uint8Array }) => {
  try {
    const outcome = convertChunk(message.bytes, setup);
    parentPort?.postMessage({ seq: message.seq, outcome }, [outcome.output.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) });
  }
});
