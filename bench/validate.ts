/**
 * Benchmark: validate a generated 1,000,000-row customer_record NDJSON file and compare with
 * Miller reading and writing the same file (`mlr --ijsonl --ojsonl cat`) in the same run.
 * Usage: node --import tsx bench/validate.ts [--rows 1000000] [--runs 3] [--keep] [--source]
 * Each run is a child process under /usr/bin/time -v, which reports its peak RSS. The child runs
 * the engine compiled to JavaScript (as the CLI and the app ship it; esbuild, file by file, into
 * node_modules/.cache), or the TypeScript source through tsx with --source.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { Command } from 'commander';
import { build } from 'esbuild';
import { median, peakRssMb } from './bench-kit.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPILED = join(ROOT, 'node_modules/.cache/bench-validate');

/** Compiles the engine's TypeScript file by file (imports kept), like tsc does for dist/. */
async function compileEngine(): Promise<string> {
  const main = join(ROOT, 'main');
  const entryPoints = readdirSync(main, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && (f.startsWith('schemas') || f.startsWith('pipeline') || f === 'errors.ts'))
    .map((f) => join(main, f));
  await rm(COMPILED, { recursive: true, force: true });
  await build({ entryPoints, outdir: COMPILED, outbase: main, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  return join(COMPILED, 'pipeline/validate-ndjson.js');
}

const FIRST = ['Jane', 'Bob', 'Aroha', 'Mei', 'Liam', 'Priya', 'Noah', 'Zoë', 'Olivia', 'Mohammed', 'Chloé', 'Kai'];
const LAST = ['Doe', 'Smith', 'Nguyen', "O'Brien", 'Garcia', 'Wang', 'Kowalski', 'Patel', 'Brown', 'Müller'];
const PLACES = [['Victoria', 'St Kilda', '3182'], ['New South Wales', 'Bondi', '2026'], ['Queensland', 'Fortitude Valley', '4006'], ['Western Australia', 'Fremantle', '6160']];
const TIERS = ['bronze', 'silver', 'gold', 'platinum'];

// A small seeded generator so every run checks the same file.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function record(i: number, r: () => number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const first = pick(FIRST);
  const last = pick(LAST);
  const email = `${first}.${last}${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
  const roll = r();
  const link =
    roll < 0.6 ? { email } :
    roll < 0.85 ? { customer_id: `C-${100000 + i}`, system_name: r() < 0.5 ? 'super_pos_2000' : null } :
    roll < 0.95 ? { mobile: `614${String(Math.floor(r() * 1e8)).padStart(8, '0')}` } :
    { email_sha256: (i * 2654435761).toString(16).padStart(64, 'a') };
  const [state, city, postcode] = pick(PLACES);
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  return {
    link,
    email: r() < 0.8 ? email : null,
    first_name: first,
    last_name: last,
    gender: r() < 0.5 ? 'Female' : 'Male',
    date_of_birth: r() < 0.9 ? `${1940 + Math.floor(r() * 65)}-${month}-${day}` : null,
    country: 'Australia',
    state,
    city,
    postcode,
    address_1: `${1 + Math.floor(r() * 300)} Inkerman St`,
    employee_flag: r() < 0.02,
    customer_type: r() < 0.1 ? 'VIP' : 'Standard',
    custom_fields: { loyalty_tier: pick(TIERS), points: Math.floor(r() * 10000), tags: r() < 0.3 ? ['newsletter', 'app'] : [] },
  };
}

// About 1% invalid, of the kinds people send: a bad email, a US-style date, a mixed link, "maybe".
function spoil(rec: Record<string, unknown>, r: () => number): void {
  const kind = Math.floor(r() * 4);
  if (kind === 0) rec.link = { email: 'jane at example.com' };
  else if (kind === 1) rec.date_of_birth = '03/06/1990';
  else if (kind === 2) rec.link = { email: 'jane@example.com', customer_id: 'C-1' };
  else rec.employee_flag = 'maybe';
}

async function generate(path: string, rows: number): Promise<number> {
  const r = random(42);
  const out = createWriteStream(path);
  let invalid = 0;
  for (let i = 0; i < rows; i += 1) {
    const rec = record(i, r);
    if (r() < 0.01) {
      spoil(rec, r);
      invalid += 1;
    }
    if (!out.write(`${JSON.stringify(rec)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return invalid;
}

interface Run { ms: number; cpuMs: number; peakRssMb: number; output: string }

function timed(cmd: string, args: string[], env: Record<string, string> = {}): Run {
  const started = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`${cmd} failed: ${child.stderr.slice(-2000)}`);
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(child.stderr)?.[1] ?? NaN);
  const cpuMs = (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000;
  return { ms, cpuMs, peakRssMb: peakRssMb(child.stderr), output: child.stdout };
}


// The child is a few lines of plain JavaScript, so its peak RSS is the engine's, not tsx's.
const CHILD = `
const { validateNdjsonFile } = await import(process.env.BENCH_MODULE);
const started = performance.now();
const r = await validateNdjsonFile(process.env.BENCH_FILE, 'customer_record', { maxErrors: 10 });
console.log(JSON.stringify({ ms: performance.now() - started, total: r.total, invalid: r.invalid }));
`;

async function main(): Promise<void> {
  const opts = new Command()
    .option('--rows <n>', 'rows to generate', (v) => Number(v), 1_000_000)
    .option('--runs <n>', 'runs of each tool (median reported)', (v) => Number(v), 3)
    .option('--keep', 'keep the generated file')
    .option('--source', 'run the TypeScript source through tsx instead of compiled JavaScript')
    .parse()
    .opts<{ rows: number; runs: number; keep?: boolean; source?: boolean }>();
  const module = opts.source ? new URL('../main/pipeline/validate-ndjson.ts', import.meta.url).href : pathToFileURL(await compileEngine()).href;

  const dir = await mkdtemp(join(tmpdir(), 'bench-validate-'));
  const file = join(dir, 'customers.ndjson');
  try {
    const spoiled = await generate(file, opts.rows);
    const bytes = (await stat(file)).size;
    console.log(`file: ${opts.rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(0)} MB, ${spoiled} invalid; engine: ${opts.source ? 'TypeScript via tsx' : 'compiled JavaScript'}`);
    // A file, not `node -e`: worker threads inherit the parent's flags, and `--input-type` breaks them.
    const script = join(dir, 'child.mjs');
    await writeFile(script, CHILD);
    const ours: Array<Run & { inside: number }> = [];
    const miller: Run[] = [];
    for (let i = 0; i < opts.runs; i += 1) {
      const loader = opts.source ? ['--import', 'tsx'] : [];
      const run = timed(process.execPath, [...loader, script], { BENCH_MODULE: module, BENCH_FILE: file });
      const report = JSON.parse(run.output) as { ms: number; total: number; invalid: number };
      if (report.total !== opts.rows || report.invalid !== spoiled) throw new Error(`wrong counts: ${run.output}`);
      ours.push({ ...run, inside: report.ms });
      miller.push(timed('/bin/sh', ['-c', `mlr --ijsonl --ojsonl cat '${file}' > /dev/null`]));
    }
    const inside = median(ours.map((r) => r.inside));
    const process_ = median(ours.map((r) => r.ms));
    const mlr = median(miller.map((r) => r.ms));
    const rate = (ms: number) => Math.round(opts.rows / (ms / 1000)).toLocaleString('en-US');
    // CPU seconds per run show the cost even when other work shares the machine (see load).
    const cpu = (runs: Run[]) => `${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(2)} s CPU`;
    console.log(`validateNdjsonFile: ${(inside / 1000).toFixed(2)} s (${rate(inside)} rows/s); whole process ${(process_ / 1000).toFixed(2)} s, ${cpu(ours)}; peak RSS ${Math.max(...ours.map((r) => r.peakRssMb)).toFixed(0)} MB`);
    console.log(`mlr --ijsonl --ojsonl cat: ${(mlr / 1000).toFixed(2)} s (${rate(mlr)} rows/s), ${cpu(miller)}; peak RSS ${Math.max(...miller.map((r) => r.peakRssMb)).toFixed(0)} MB`);
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
    console.log(`Miller / ours (whole process): ${(mlr / process_).toFixed(1)}x; runs: ours ${ours.map((r) => (r.inside / 1000).toFixed(2)).join(', ')} s, mlr ${miller.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s`);
  } finally {
    if (!opts.keep) await rm(dir, { recursive: true, force: true });
    else console.log(`kept ${file}`);
  }
}

await main();
