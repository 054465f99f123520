// `npm run mutation [-- module ...]`: runs Stryker (stryker.config.mjs) over each module named, or
// over every module, one after the other (never two at once: each starts real servers and the
// machine's cores are shared), then prints each module's score as a row for docs/mutation.md.
// Reports land in reports/mutation/<module>/ (index.html to read the survivors, mutation.json,
// and incremental.json, which lets the next run test only what changed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULES } from '../stryker.config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const asked = process.argv.slice(2);
const unknown = asked.filter((m) => !(m in MODULES));
if (unknown.length > 0) {
  console.error(`mutation: no module ${unknown.map((m) => `"${m}"`).join(', ')}; choose from ${Object.keys(MODULES).join(', ')}`);
  process.exit(2);
}
const modules = asked.length > 0 ? asked : Object.keys(MODULES);

// Some tests read the vendor's examples from ../shared beside the repository (four folders up
// from a test file). Stryker runs them from .stryker-tmp/sandbox-*/, so the same four folders up
// is .stryker-tmp: a link there keeps those paths working.
function linkShared() {
  const shared = resolve(root, '..', 'shared');
  const link = join(root, '.stryker-tmp', 'shared');
  if (!existsSync(shared)) return;
  mkdirSync(dirname(link), { recursive: true });
  try {
    lstatSync(link);
  } catch {
    symlinkSync(shared, link, 'dir');
  }
}

/** Killed (timeouts count as killed, as Stryker counts them) over all mutants that ran or had no test. */
function score(name) {
  const report = JSON.parse(readFileSync(join(root, 'reports', 'mutation', name, 'mutation.json'), 'utf8'));
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
  for (const file of Object.values(report.files)) for (const m of file.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, detected, valid, percent: valid === 0 ? 100 : (100 * detected) / valid };
}

const rows = [];
let failed = false;
for (const name of modules) {
  linkShared();
  console.log(`\nmutation: ${name} (${MODULES[name].mutate.join(', ')})`);
  const status = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_MODULE: name },
  }).status;
  if (status !== 0) {
    console.error(`mutation: Stryker failed for ${name} (exit ${status}); see the output above.`);
    failed = true;
    continue;
  }
  const s = score(name);
  rows.push(`| ${name} | ${s.percent.toFixed(1)} % | ${s.detected} | ${s.Survived} | ${s.NoCoverage} | ${s.valid} |`);
}

console.log('\n| module | score | killed | survived | no coverage | mutants |\n| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
process.exit(failed ? 1 : 0);
