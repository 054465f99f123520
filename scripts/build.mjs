// Builds the three layers: the engine and Electron main with tsc (plain ESM modules that the
// CLI and the app both run), the preload as one CommonJS file (a sandboxed preload cannot be
// an ES module), and the renderer as one browser bundle with its HTML and CSS. Each pipeline
// worker thread is also bundled into one self-contained CommonJS file (dist/workers/), which
// the packaged app unpacks from its asar (main/engine/workers/worker-entry.ts says why).
import { build } from 'esbuild';
import { bundleCli } from './bundle-cli.mjs';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, chmodSync, existsSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await bundleCli(); // the command's own code in one file, so it starts fast (scripts/bundle-cli.mjs)
if (existsSync('dist/main/cli/bin.js')) chmodSync('dist/main/cli/bin.js', 0o755);

// The names main/engine/workers/worker-entry.ts starts (its SOURCES list the same files).
const WORKERS = {
  'convert-worker': 'main/engine/pipeline/convert/convert-worker.ts',
  'validate-worker': 'main/engine/pipeline/validation/validate-worker.ts',
  'deflate-worker': 'main/engine/compress/deflate-worker.ts',
};
await build({
  entryPoints: Object.entries(WORKERS).map(([out, in_]) => ({ in: in_, out })),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Node 20 for the CLI; Electron 40's Node 24 runs the same file.
  target: 'node20',
  outdir: 'dist/workers',
  outExtension: { '.js': '.cjs' },
  // A CommonJS file has no import.meta: give the modules that use import.meta.url this file's
  // own URL. (A worker's packages are inlined above; the entry files hand them to the modules
  // that otherwise load them lazily, so nothing is looked up from the unpacked folder.)
  define: { 'import.meta.url': '__workerFileUrl' },
  banner: { js: "var __workerFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

if (existsSync('preload/preload.ts')) {
  await build({
    entryPoints: ['preload/preload.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    outfile: 'dist/preload/preload.cjs',
    logLevel: 'warning',
  });
}

if (existsSync('renderer/index.tsx')) {
  mkdirSync('dist/renderer', { recursive: true });
  await build({
    entryPoints: ['renderer/index.tsx'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    outfile: 'dist/renderer/app.js',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  cpSync('renderer/index.html', 'dist/renderer/index.html');
  if (existsSync('renderer/styles.css')) cpSync('renderer/styles.css', 'dist/renderer/styles.css');
}
// The tray icon the desktop shows while watched folders run without a window (main/desktop/background.ts).
cpSync('assets/tray', 'dist/assets/tray', { recursive: true });
console.log('build: dist/ ready');
