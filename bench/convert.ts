/**
 * Conversion benchmark: convertToNdjson (CSV -> NDJSON with typing and validation, as a child
 * process under /usr/bin/time -v for its peak RSS) against Miller (`mlr --icsv --ojsonl cat`),
 * on a generated customer CSV, in the same run. Medians over --runs (default 3). Also times the
 * preview of the first 100 rows of a 5 GB sparse-tailed file.
 *
 *   node --import tsx bench/convert.ts [--rows 1000000] [--runs 3]
 *
 * Our converter runs as plain JavaScript bundled with esbuild (the shipped CLI runs compiled
 * code), not under tsx, whose loader adds start-up time and RSS to the process and its workers.
 * Conversion time is measured inside our child around the call; Miller's is its process wall time
 * (its start-up is a few milliseconds). Both wall times are printed.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { arg, median, peakRssMb, run } from './bench-kit.js';


/** Child mode: one conversion, prints {"seconds", "rows", "written", "rejected"} on stdout. */
async function child(): Promise<void> {
  const [input, output] = process.argv.slice(3);
  const { convertToNdjson } = await import('../main/pipeline/convert-to-ndjson.js');
  const started = performance.now();
  const r = await convertToNdjson(input ?? '', { recordType: 'customer_record', output });
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, rows: r.rows, written: r.written, rejected: r.rejected }));
}

const FIRST = ['Jane', 'John', 'Aroha', 'Mei', 'Liam', 'Olivia', 'Noah', 'Ava', 'Chloé', 'Zoë', 'Mohammed', 'Priya'];
const LAST = ['Doe', 'Smith', 'Nguyen', 'Patel', "O'Brien", 'García', 'Brown', 'Wilson', 'Taylor', 'Murphy'];
const CITIES = ['Melbourne', 'Sydney', 'Brisbane', 'Perth', 'Adelaide', 'Hobart', 'St Kilda', 'Darwin'];
const STATES = ['VIC', 'NSW', 'QLD', 'WA', 'SA', 'TAS', 'VIC', 'NT'];
const HEADER =
  'link.customer_id,first_name,last_name,email,mobile,gender,date_of_birth,city,state,postcode,address_1,employee_flag,customer_type,' +
  'custom_fields.loyalty_points,custom_fields.signup_date,custom_fields.lifetime_value,custom_fields.segment,link.system_name\n';

/** One customer row (~163 bytes); every 20th address is quoted because it holds a comma. */
function row(i: number): string {
  const first = FIRST[i % FIRST.length] ?? '';
  const last = LAST[(i * 7) % LAST.length] ?? '';
  const email = `${first}.${last}${i}@example.com`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.@]/g, '');
  const mm = String(1 + (i % 12)).padStart(2, '0');
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const address = i % 20 === 0 ? `"Unit ${i % 40}, ${i % 300} Chapel St"` : `${i % 300} Chapel St`;
  return (
    `C-${1_000_000 + i},${first},${last},${email},+614${String(10_000_000 + i).slice(-8)},${i % 3 ? 'Female' : 'Male'},` +
    `${1950 + (i % 55)}-${mm}-${dd},${CITIES[i % 8]},${STATES[i % 8]},${3000 + (i % 900)},${address},${i % 50 === 0 ? 'yes' : 'no'},` +
    `${i % 10 === 0 ? 'VIP' : 'Regular'},${(i * 37) % 10_000},2021-${mm}-${dd},${((i * 13) % 100_000) / 100},${['gold', 'silver', 'bronze'][i % 3]},pos\n`
  );
}

async function generate(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let buffer = HEADER;
  for (let i = 1; i <= rows; i++) {
    buffer += row(i);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(buffer, () => resolve()).on('error', reject));
}

/** Peak RSS (MB) and wall seconds from /usr/bin/time -v output. */
function timeV(stderr: string): { rssMb: number; wall: number } {
  const rss = peakRssMb(stderr);
  const clock = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const wall = clock ? Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : 0;
  return { rssMb: rss, wall };
}


// Inside node_modules/.cache so the bundle's bare imports (papaparse, ajv) resolve; removed after.
const CLIENT_DIR = fileURLToPath(new URL('../node_modules/.cache/lexer-bench-convert/', import.meta.url));

async function main(): Promise<void> {
  const rows = Number(arg('--rows', '1000000'));
  const runs = Number(arg('--runs', '3'));
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-convert-'));
  try {
    // The worker is its own entry, so it lands beside the bundle as convert-worker.js, where the
    // bundled runner looks for it (new URL('./convert-worker.js', import.meta.url)).
    await build({
      entryPoints: { convert: fileURLToPath(import.meta.url), 'convert-worker': fileURLToPath(new URL('../main/pipeline/convert/convert-worker.ts', import.meta.url)) },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir: CLIENT_DIR,
      logLevel: 'warning',
    });
    await import('node:fs/promises').then((fs) => fs.writeFile(join(CLIENT_DIR, 'package.json'), '{"type":"module"}'));
    const csv = join(dir, 'customers.csv');
    await generate(csv, rows);
    const { size } = await stat(csv);
    console.log(`input: ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(0)} MB (${csv})`);

    const ours: Array<{ seconds: number; wall: number; rssMb: number }> = [];
    const miller: Array<{ wall: number; rssMb: number }> = [];
    let counts = '';
    for (let i = 0; i < runs; i++) {
      const r = await run('/usr/bin/time', ['-v', process.execPath, join(CLIENT_DIR, 'convert.js'), '--child', csv, join(dir, 'out.ndjson')]);
      if (r.code !== 0) throw new Error(`our converter failed: ${r.stderr.slice(0, 1500)}`);
      const result = JSON.parse(r.stdout) as { seconds: number; rows: number; written: number; rejected: number };
      counts = `rows ${result.rows}, written ${result.written}, rejected ${result.rejected}`;
      ours.push({ seconds: result.seconds, ...timeV(r.stderr) });
      const m = await run('/usr/bin/time', ['-v', 'mlr', '--icsv', '--ojsonl', 'cat', csv], join(dir, 'mlr.ndjson'));
      if (m.code !== 0) throw new Error(`mlr failed: ${m.stderr.slice(-500)}`);
      miller.push(timeV(m.stderr));
      console.log(`run ${i + 1}: ours ${result.seconds.toFixed(2)} s (process ${ours.at(-1)?.wall.toFixed(2)} s, ${ours.at(-1)?.rssMb.toFixed(0)} MB), mlr ${miller.at(-1)?.wall.toFixed(2)} s (${miller.at(-1)?.rssMb.toFixed(0)} MB)`);
    }
    const oursS = median(ours.map((o) => o.seconds));
    const oursWall = median(ours.map((o) => o.wall));
    const mlrS = median(miller.map((m) => m.wall));
    console.log(`convert (${counts}): median ${oursS.toFixed(2)} s = ${Math.round(rows / oursS).toLocaleString('en')} rows/s, peak RSS ${Math.max(...ours.map((o) => o.rssMb)).toFixed(0)} MB`);
    console.log(`miller: median ${mlrS.toFixed(2)} s = ${Math.round(rows / mlrS).toLocaleString('en')} rows/s, peak RSS ${Math.max(...miller.map((m) => m.rssMb)).toFixed(0)} MB`);
    // Each run pairs ours with Miller back to back, so the median of the pairs' ratios is the figure
    // least moved by other load on a shared machine.
    const pairs = ours.map((o, i) => (miller[i]?.wall ?? 0) / o.seconds);
    console.log(`ratio (Miller time / ours): ${(mlrS / oursS).toFixed(2)}x on median conversion time, ${(mlrS / oursWall).toFixed(2)}x on process wall time, ${median(pairs).toFixed(2)}x median of per-run pairs (target >= 1.5x)`);

    // Preview: the CSV's head, then a sparse tail up to 5 GB.
    const big = join(dir, 'huge.csv');
    const head = await open(csv, 'r');
    const bytes = Buffer.alloc(4 * 1024 * 1024);
    const { bytesRead } = await head.read(bytes, 0, bytes.length, 0);
    await head.close();
    const handle = await open(big, 'w');
    await handle.write(bytes, 0, bytesRead);
    await handle.truncate(5 * 1024 ** 3);
    await handle.close();
    const { previewCsv } = await import('../main/pipeline/csv-preview.js');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const p = await previewCsv(big, { rows: 100, recordType: 'customer_record' });
      times.push(performance.now() - started);
      if (p.rows.length !== 100) throw new Error(`preview returned ${p.rows.length} rows`);
    }
    console.log(`preview of 100 rows of a 5 GB file: first ${times[0]?.toFixed(0)} ms, median ${median(times).toFixed(0)} ms (target < 300 ms)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(CLIENT_DIR, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child();
else await main();
