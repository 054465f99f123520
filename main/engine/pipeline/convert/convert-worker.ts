/**
 * Worker thread entry: converts CSV chunks (parse with papaparse, type, check, serialise,
 * compress), or gathers and builds orders, so both cores work while the main thread reads and
 * writes the files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { slugify } from 'transliteration';
import { provideIconv } from '../csv/lazy-iconv.js';
import { outcomeTransfers, runTask, type RunnerSetup, type RunnerTask } from './chunk-runner.js';
import { provideSlugify } from './custom-key.js';

// Loaded up front here (a worker only starts for a large file): the bundled worker then carries
// both packages, while the main thread keeps loading them lazily.
provideIconv(iconv);
provideSlugify(slugify);

const setup = workerData as RunnerSetup;

parentPort?.on('message', (message: { seq: number; task: RunnerTask }) => {
  try {
    const outcome = runTask(message.task, setup);
    parentPort?.postMessage({ seq: message.seq, outcome }, outcomeTransfers(outcome));
  } catch (error) {
    parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) });
  }
});
