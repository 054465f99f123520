/**
 * Gzip benchmark: our parallel gzip (blocks deflated on worker threads into one gzip
 * member, the source's content hash in the same read) against `pigz -p 2` and `gzip` at the same level, in
 * the same run, on the 1,000,000-row customer NDJSON of bench/validate.ts. Each tool runs as a
 * whole command under /usr/bin/time -v (start-up, workers and peak RSS included); medians over
 * --runs, the three tools taking turns so a busy neighbour slows each alike.
 *
 *   node --import tsx bench/gzip.ts [--rows 1000000] [--runs 5] [--level 6] [--file F] [--keep]
 *   node --import tsx bench/gzip.ts --levels 1,3,6,9 [--link-mbit 50]   # choose the default level
 *
 * With --levels, ours runs at each level and the table adds the time to send the result over a
 * --link-mbit uplink: compress first, then send (a single PUT needs its length up front), so the
 * best level is the one with the smallest sum. Ours runs as `npm run build` leaves it (dist/, its
 * block workers the bundled dist/workers/deflate-worker.cjs), as the app and the CLI ship it;
 * --no-build uses dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import { Command } from 'commander';
import { createXXHash128 } from 'hash-wasm';
import { ROOT, build, median } from './bench-kit.js';
import { writeCustomerNdjson } from './customer-ndjson.js';

// The child is a few lines of plain JavaScript, so its time and RSS are the engine's, not tsx's.
const CHILD = `
const { gzipFile } = await import(process.env.BENCH_MODULE);
const r = await gzipFile(process.argv[2], process.argv[3], { level: Number(process.argv[4]) });
console.log(JSON.stringify(r));
`;

/** Peak RSS in MB from GNU time's report. */
const peakRssMb = (timeOutput: string): number => Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1] ?? 0) / 1024;

interface Run { seconds: number; cpuSeconds: number; rssMb: number; bytes: number; stdout: string }

function timed(cmd: string, args: string[], output: string, env: Record<string, string> = {}): Run {
  const started = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${cmd} failed: ${child.stderr.slice(-2000)}`);
  const bytes = spawnSync('stat', ['-c', '%s', output], { encoding: 'utf8' }).stdout.trim();
  const field = (name: string): number => Number(new RegExp(`${name} \\(seconds\\): ([\\d.]+)`).exec(child.stderr)?.[1] ?? NaN);
  return { seconds, cpuSeconds: field('User time') + field('System time'), rssMb: peakRssMb(child.stderr), bytes: Number(bytes), stdout: child.stdout };
}

async function sha256(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Options { build: boolean; rows: number; runs: number; level: number; levels?: string; linkMbit: number; file?: string; keep?: boolean }

async function main(): Promise<void> {
  const o = new Command()
    .option('--rows <n>', 'rows to generate', Number, 1_000_000)
    .option('--runs <n>', 'runs of each tool (median reported)', Number, 5)
    .option('--level <n>', 'compression level for all three tools', Number, 6)
    .option('--levels <list>', 'ours only, at each of these levels (e.g. 1,3,6,9), with the time to send the result')
    .option('--link-mbit <n>', 'uplink for the --levels table, in Mbit/s', Number, 50)
    .option('--file <path>', 'compress this file instead of generating one')
    .option('--keep', 'keep the generated file')
    .option('--no-build', 'use dist/ as it is')
    .parse()
    .opts<Options>();
  build(o.build);
  const module = pathToFileURL(join(ROOT, 'dist/main/engine/compress/gzip-file.js')).href;
  const dir = await mkdtemp(join(tmpdir(), 'bench-gzip-'));
  const source = o.file ?? join(dir, 'customers.ndjson');
  try {
    if (!o.file) await writeCustomerNdjson(source, o.rows);
    const size = (await stat(source)).size;
    console.log(`file: ${(size / 1e6).toFixed(0)} MB${o.file ? ` (${o.file})` : `, ${o.rows.toLocaleString('en-US')} customer rows`}; ${availableParallelism()} cores`);
    const script = join(dir, 'child.mjs');
    await writeFile(script, CHILD);
    const ours = (level: number): Run => timed(process.execPath, [script, source, join(dir, 'ours.gz'), String(level)], join(dir, 'ours.gz'), { BENCH_MODULE: module });
    const shell = (tool: string, level: number, out: string): Run => timed('/bin/sh', ['-c', `${tool} -${level} -c '${source}' > '${out}'`], out);

    // Ours must be right before it is fast: gzip -t, and the bytes that come out are the source's.
    const check = ours(o.level);
    const reported = JSON.parse(check.stdout) as { contentHash: { value: string } };
    const sourceSha = await sha256(createReadStream(source));
    if (spawnSync('gzip', ['-t', join(dir, 'ours.gz')]).status !== 0) throw new Error('gzip -t refused our output');
    if ((await sha256(createReadStream(join(dir, 'ours.gz')).pipe(createGunzip()))) !== sourceSha) throw new Error('our output does not gunzip to the source');
    const xxh = await createXXHash128();
    for await (const chunk of createReadStream(source)) xxh.update(chunk as Buffer);
    if (reported.contentHash.value !== xxh.digest('hex')) throw new Error('the content hash reported is not the source\'s');
    console.log('ours: gzip -t passes, gunzips to the source, XXH3-128 of the source reported correctly');

    if (o.levels) return sweep(o, ours, size);
    const runs = { ours: [] as Run[], pigz: [] as Run[], gzip: [] as Run[] };
    for (let i = 0; i < o.runs; i++) {
      runs.ours.push(ours(o.level));
      runs.pigz.push(shell('pigz -p 2', o.level, join(dir, 'pigz.gz')));
      runs.gzip.push(shell('gzip', o.level, join(dir, 'gzip.gz')));
    }
    const row = (name: string, r: Run[]) => {
      const s = median(r.map((x) => x.seconds));
      const bytes = r[0]?.bytes ?? 0;
      const cpu = median(r.map((x) => x.cpuSeconds));
      console.log(`${name.padEnd(10)} ${s.toFixed(2).padStart(6)} s  ${(size / 1e6 / s).toFixed(0).padStart(4)} MB/s  ${cpu.toFixed(2)} s CPU  ${(bytes / 1e6).toFixed(2)} MB (${(size / bytes).toFixed(2)}x)  peak RSS ${Math.max(...r.map((x) => x.rssMb)).toFixed(0)} MB  runs ${r.map((x) => x.seconds.toFixed(2)).join(', ')}`);
      return { s, bytes };
    };
    console.log(`level ${o.level}, medians of ${o.runs} runs, whole commands:`);
    const a = row('ours', runs.ours);
    const p = row('pigz -p 2', runs.pigz);
    const g = row('gzip', runs.gzip);
    console.log(`ours / pigz throughput ${(p.s / a.s).toFixed(2)}x (target >= 0.8), ours / gzip ${(g.s / a.s).toFixed(2)}x (target >= 1.5), size vs pigz ${(((a.bytes - p.bytes) / p.bytes) * 100).toFixed(2)} % (target within 2 %)`);
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    if (o.keep && !o.file) console.log(`kept ${source}`);
    else await rm(dir, { recursive: true, force: true }); // a --file given is outside it
  }
}

/** Ours at each level: time, size, and compress-then-send time over the link (the default is the smallest). */
function sweep(o: Options, ours: (level: number) => Run, size: number): void {
  const levels = (o.levels ?? '').split(',').map(Number);
  const bytesPerSecond = (o.linkMbit * 1e6) / 8;
  // On a shared machine wall time swings with the neighbours; CPU / 2 is what two idle cores would take.
  console.log(`level  compress (CPU)      size          send at ${o.linkMbit} Mbit/s  total   idle-cores total (CPU/2 + send)   (medians of ${o.runs})`);
  const results = levels.map((level) => {
    const r: Run[] = [];
    for (let i = 0; i < o.runs; i++) r.push(ours(level));
    const s = median(r.map((x) => x.seconds));
    const bytes = r[0]?.bytes ?? 0;
    const send = bytes / bytesPerSecond;
    const cpu = median(r.map((x) => x.cpuSeconds));
    console.log(`${String(level).padStart(5)}  ${s.toFixed(2).padStart(6)} s (${cpu.toFixed(2)} s)  ${(bytes / 1e6).toFixed(1).padStart(6)} MB (${(size / bytes).toFixed(1)}x)  ${send.toFixed(1).padStart(8)} s          ${(s + send).toFixed(1).padStart(5)} s  ${(cpu / 2 + send).toFixed(1).padStart(5)} s`);
    return { level, total: s + send, idle: cpu / 2 + send };
  });
  const best = (key: 'total' | 'idle') => results.reduce((a, b) => (b[key] < a[key] ? b : a)).level;
  console.log(`fastest to get the file sent: level ${best('total')} as measured, level ${best('idle')} on two idle cores; uncompressed it would take ${(size / bytesPerSecond).toFixed(1)} s to send`);
}

await main();
