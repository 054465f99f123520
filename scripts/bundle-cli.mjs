// Bundles the `lexer-upload` command into dist/main/cli/bin.js (over the file tsc wrote there)
// and chunks beside it, so a command starts by reading a handful of files instead of hundreds
// (target: `--help` within 1.5x of Node's own start; `preview` and `validate` of a tiny file
// within 2x and 2.5x; an upload as fast as `curl -T`). Measured with bench/startup.ts.
//
// Bundled: the CLI and the engine it runs (main/cli, main/engine) with the pure-JavaScript
// packages they import (commander, got, ajv, papaparse, ...). Code the CLI imports lazily lands in chunks (splitting), so `--help` parses
// neither got nor the schemas. The engine's worker threads are the self-contained files that
// scripts/build.mjs writes to dist/workers/ (main/engine/workers/worker-entry.ts finds them from a
// chunk here as from tsc's output), the same files the app runs.
//
// External, loaded from tsc's output beside it exactly as before:
// - main/engine/errors.js: one LexerError class for the bundle and what stays external;
// - main/sandbox, host, services, desktop: `sandbox` and `ui` run them as they are (the host serves
//   files found relative to its own module);
// - native and optional packages (the keychain binding; s3rver and the AWS SDK behind the sandbox).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const MAIN = resolve('main');
const CLI_SOURCE = join(MAIN, 'cli');
const OUT = 'dist/main/cli';
const EXTERNAL_ENGINE = ['engine/errors.ts', 'engine/errors.js', 'sandbox', 'host', 'services', 'desktop'];
// write-file-atomic names its temp files after its own __filename, which a bundle does not have.
const EXTERNAL_PACKAGES = new Set(['@napi-rs/keyring', 's3rver', 'electron', 'write-file-atomic']);

const isExternalEngine = (target) => EXTERNAL_ENGINE.some((part) => target === join(MAIN, part) || target.startsWith(join(MAIN, part) + sep));

/** Keeps the external engine modules external, rewritten relative to the output folder. */
const engineExternal = {
  name: 'engine-external',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.importer.includes(`${sep}node_modules${sep}`)) return undefined; // inside a bundled package
      const target = resolve(dirname(args.importer), args.path);
      if (!isExternalEngine(target)) return undefined;
      // Every output file lands in dist/main/cli/, the mirror of main/cli/, so the path from
      // there is the path from main/cli/ to the source (already written with .js).
      return { path: relative(CLI_SOURCE, target).split(sep).join('/'), external: true };
    });
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return EXTERNAL_PACKAGES.has(name) || name.startsWith('@aws-sdk/') ? { path: args.path, external: true } : undefined;
    });
  },
};

/** Bundles the CLI into dist/main/cli/ (after tsc, whose bin.js it replaces). */
export async function bundleCli() {
  if (!existsSync('main/cli/bin.ts')) return;
  const entryPoints = { bin: 'main/cli/bin.ts' };
  await build({
    entryPoints,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: OUT,
    chunkNames: 'bundle-[name]-[hash]',
    sourcemap: true,
    plugins: [engineExternal],
    // Bundled CommonJS packages (commander, write-file-atomic) call require(): give them Node's.
    banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  checkBundle();
}

/** Fails the build for what would otherwise fail only when a command runs. */
function checkBundle() {
  const outputs = readdirSync(OUT).filter((f) => f.endsWith('.js'));
  for (const file of outputs.filter((f) => f === 'bin.js' || f.startsWith('bundle-'))) {
    const code = readFileSync(join(OUT, file), 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/)/.test(line)).join('\n');
    // A bundled CommonJS package that uses __filename or __dirname.
    if (/\b__(?:file|dir)name\b/.test(code)) throw new Error(`${OUT}/${file} uses __filename or __dirname: keep the package it comes from external (scripts/bundle-cli.mjs)`);
    // A file looked for beside the module: it must be beside the bundle too.
    for (const m of code.matchAll(/new URL\(\s*[`'"]\.\/([^`'"$]+)(?:\$\{[^`]*)?[`'"]\s*,\s*import\.meta\.url/g)) {
      const wanted = m[1];
      if (wanted.endsWith('.ts')) continue; // the pipeline's own path when it runs from source (tsx)
      if (!outputs.some((f) => f === wanted || (m[0].includes('${') && f.startsWith(wanted) && f.endsWith('.js')))) {
        throw new Error(`${OUT}/${file} looks for ./${wanted} beside itself, which the bundle does not write (scripts/bundle-cli.mjs)`);
      }
    }
  }
}

// Run directly: `node scripts/bundle-cli.mjs` (after tsc).
if (process.argv[1] && resolve(process.argv[1]) === resolve(join('scripts', 'bundle-cli.mjs'))) await bundleCli();
