/**
 * Where an engine worker thread's entry file is, and starting it. One place for every worker
 * (conversion, validation, gzip blocks), so the three ways the engine runs agree:
 * - compiled (`dist/`, the CLI and the app): the self-contained bundle `dist/workers/<name>.cjs`
 *   that scripts/build.mjs writes with every dependency inlined;
 * - packaged in Electron's `app.asar`: the same bundle, read from `app.asar.unpacked` (the
 *   electron-builder.yml `asarUnpack` glob), so the worker reads no file inside the archive.
 *   Electron's own tests only cover a CommonJS worker loaded from an asar,
 *   so the worker is CommonJS and never depends on asar reading at all;
 * - under tsx (tests, benchmarks): the TypeScript source, through a bootstrap that registers
 *   tsx first, since Node 20 workers do not inherit the parent's `--import tsx`.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type EngineWorker = 'convert-worker' | 'validate-worker' | 'deflate-worker';

/** Each worker's source, relative to this module (used under tsx only). */
const SOURCES: Readonly<Record<EngineWorker, string>> = {
  'convert-worker': '../pipeline/convert/convert-worker.ts',
  'validate-worker': '../pipeline/validation/validate-worker.ts',
  'deflate-worker': '../compress/deflate-worker.ts',
};

/** The same path outside the asar archive: `.../app.asar/x` becomes `.../app.asar.unpacked/x`. */
export function outsideAsar(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/** The bundled worker file for a compiled engine whose modules live at `moduleUrl` (this file's URL by default). */
export function bundledWorkerPath(name: EngineWorker, moduleUrl: string = import.meta.url): string {
  // The compiled tree mirrors the sources: dist/main/engine/workers/worker-entry.js, or a chunk
  // of the CLI bundle in dist/main/cli/. Both sit at different depths under dist/main/, so the
  // workers are found beside that folder (dist/workers/<name>.cjs), not a fixed number of levels up.
  const path = fileURLToPath(moduleUrl);
  const at = path.lastIndexOf(`${sep}main${sep}`);
  const root = at === -1 ? dirname(dirname(dirname(path))) : path.slice(0, at);
  return outsideAsar(join(root, 'workers', `${name}.cjs`));
}

/** Starts the named worker with `options` (workerData, resource limits). */
export function startEngineWorker(name: EngineWorker, options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(bundledWorkerPath(name), options);
  const entry = new URL(SOURCES[name], import.meta.url).href;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
