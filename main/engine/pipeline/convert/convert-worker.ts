/**
 * Worker thread entry: converts CSV chunks (parse with papaparse, type, check, serialise,
 * compress) so both cores work while the main thread reads and writes the files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { slugify } from 'transliteration';
import { provideIconv } from '../csv/lazy-iconv.js';
import { convertChunk, type RunnerSetup } from './chunk-runner.js';
import { provideSlugify } from './custom-key.js';

// Loaded up front here (a worker only starts for a large file): the bundled worker then carries
// both packages, while the main thread keeps loading them lazily.
provideIconv(iconv);
provideSlugify(slugify);

const setup = workerData as RunnerSetup;

parentPort?.on('message', (message: { seq: number; bytes: Uint8Array }) => {
  try {
    const outcome = convertChunk(message.bytes, setup);
    parentPort?.postMessage({ seq: message.seq, outcome }, [outcome.output.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) });
  }
});
