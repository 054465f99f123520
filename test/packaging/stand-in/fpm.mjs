#!/usr/bin/env node
// A stand-in for fpm (electron-builder runs it with USE_SYSTEM_FPM=true from PATH; the real one is
// a Ruby gem that cannot be fetched here). It records what electron-builder asked it to package:
// its arguments, and a copy of every file it names (each `source=destination` mapping except the
// app folder, and the maintainer scripts), into $FPM_RECORD_DIR; then writes a placeholder package
// where `--package` says, so electron-builder goes on (it hashes the file for the update info).
import { cpSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const record = process.env.FPM_RECORD_DIR;
if (!record) {
  console.error('stand-in fpm: FPM_RECORD_DIR is not set');
  process.exit(2);
}
const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? null : args[at + 1];
};
const files = {};
const copy = (source, destination) => {
  const to = join(record, 'files', destination);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(source, to);
  files[destination] = to;
};
for (const arg of args) {
  const m = /^([^=]+)=(\/.+)$/.exec(arg);
  if (!m || arg.startsWith('--')) continue;
  const [, source, destination] = m;
  if (statSync(source).isDirectory()) files[destination] = { folder: source };
  else copy(source, destination);
}
for (const script of ['--after-install', '--after-remove']) {
  const path = option(script);
  if (path) copy(path, `scripts/${script.slice(2)}`);
}
writeFileSync(join(record, 'fpm.json'), JSON.stringify({ args, files }, null, 2));
const out = option('--package');
if (out) writeFileSync(out, 'stand-in package\n');
