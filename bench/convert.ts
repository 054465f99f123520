/**
 * Conversion benchmark: `lexer-upload convert` (CSV -> NDJSON, typed and validated) as a user
 * runs it, against Miller (`mlr --icsv --ojsonl cat`) in the same runs, on two data shapes
 * (bench/data-shapes.ts: narrow 7 columns ~70 MB, wide 18 columns ~160 MB, 1,000,000 rows each).
 * Then the preview of the first 100 rows of a 5 GB file, as a whole command.
 *
 *   node --import tsx bench/convert.ts [--shape both|narrow|wide] [--rows 1000000] [--runs 3] [--no-build]
 *
 * "ours" is the whole command (`node dist/main/cli/bin.js convert ...`: process start, module
 * loading, worker threads, writing the file), timed from spawn to exit, with its peak RSS from
 * GNU time. "engine" is convertToNdjson timed inside a minimal child, for the part start-up is
 * not. Targets: ours >= 2x Miller's speed, peak RSS < 200 MB.
 */
import { mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, NODE, ROOT, build, expectExit, flags, machineLine, median, millis, peakMb, seconds, timed, verdict, type Timed } from './bench-kit.js';
import { columnCount, parseShapes, writeCsv, type ShapeName } from './data-shapes.js';

/** A minimal child that times convertToNdjson itself, from the compiled engine in dist/. */
const ENGINE_CHILD = `
const { convertToNdjson } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/main/engine/pipeline/convert-to-ndjson.js')).href)});
const started = performance.now();
const r = await convertToNdjson(process.argv[2], { recordType: 'customer_record', output: process.argv[3] });
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, rows: r.rows, written: r.written, rejected: r.rejected }));
`;

interface Counts { rows: number; written: number; rejected: number }

function checkCounts(what: string, r: Counts, rows: number): void {
  if (r.rows !== rows || r.written !== rows || r.rejected !== 0) throw new Error(`${what}: expected ${rows} rows written, got ${JSON.stringify(r)}`);
}

async function benchShape(shape: ShapeName, o: { rows: number; runs: number; dir: string; engine: string }): Promise<void> {
  const csv = join(o.dir, `${shape}.csv`);
  await writeCsv(shape, csv, o.rows);
  const mb = (await stat(csv)).size / 1e6;
  const out = join(o.dir, 'out.ndjson');
  const ours: Timed[] = [];
  const engine: Array<Timed & { inside: number }> = [];
  const miller: Timed[] = [];
  const tools = [
    async () => {
      const r = expectExit('lexer-upload convert', await timed(NODE, [CLI, 'convert', csv, '--record-type', 'customer_record', '-o', out, '--json'], { env: { LEXER_UPLOAD_CONFIG_DIR: join(o.dir, 'config') } }));
      checkCounts('lexer-upload convert', JSON.parse(r.stdout) as Counts, o.rows);
      ours.push(r);
    },
    async () => {
      const r = expectExit('engine child', await timed(NODE, [o.engine, csv, out]));
      const report = JSON.parse(r.stdout) as Counts & { seconds: number };
      checkCounts('convertToNdjson', report, o.rows);
      engine.push({ ...r, inside: report.seconds });
    },
    async () => {
      miller.push(expectExit('mlr', await timed('mlr', ['--icsv', '--ojsonl', 'cat', csv], { stdoutFile: join(o.dir, 'mlr.ndjson') })));
    },
  ];
  for (let run = 0; run < o.runs; run += 1) {
    // A rotating order, so a neighbour's burst of work does not always land on the same tool.
    for (let k = 0; k < tools.length; k += 1) await tools[(run + k) % tools.length]?.();
  }
  await rm(join(o.dir, 'mlr.ndjson'), { force: true });
  const wall = ours.map((r) => r.wall);
  const mlr = miller.map((r) => r.wall);
  const ratio = median(mlr) / median(wall);
  const pairs = ours.map((r, i) => (miller[i]?.wall ?? NaN) / r.wall);
  const rate = (s: number): string => `${Math.round(o.rows / s).toLocaleString('en-US')} rows/s`;
  const rss = Math.max(...ours.map((r) => r.rssMb));
  console.log(`${shape}: ${o.rows.toLocaleString('en-US')} rows, ${columnCount(shape)} columns, ${mb.toFixed(0)} MB of CSV`);
  console.log(`  ours (lexer-upload convert, wall)  ${seconds(wall)}, ${rate(median(wall))}, peak RSS ${peakMb(ours.map((r) => r.rssMb))}, CPU ${median(ours.map((r) => r.cpu)).toFixed(2)} s`);
  console.log(`  engine (convertToNdjson inside)    ${seconds(engine.map((r) => r.inside))}; its process ${seconds(engine.map((r) => r.wall))}, peak RSS ${peakMb(engine.map((r) => r.rssMb))}`);
  console.log(`  mlr --icsv --ojsonl cat (wall)     ${seconds(mlr)}, ${rate(median(mlr))}, peak RSS ${peakMb(miller.map((r) => r.rssMb))}, CPU ${median(miller.map((r) => r.cpu)).toFixed(2)} s`);
  console.log(`  speed vs Miller: ${ratio.toFixed(2)}x (median of per-run ratios ${median(pairs).toFixed(2)}x), target >= 2x: ${verdict(ratio >= 2)}; peak RSS target < 200 MB: ${verdict(rss < 200)}`);
}

/** The first 100 rows of a 5 GB CSV (its head real, the rest sparse), as a whole command. */
async function benchPreview(dir: string): Promise<void> {
  const csv = join(dir, 'head.csv');
  await writeCsv('wide', csv, 30_000);
  const head = await open(csv, 'r');
  const bytes = Buffer.alloc(4 * 1024 * 1024);
  const { bytesRead } = await head.read(bytes, 0, bytes.length, 0);
  await head.close();
  const big = join(dir, 'huge.csv');
  const handle = await open(big, 'w');
  await handle.write(bytes, 0, bytesRead);
  await handle.truncate(5 * 1024 ** 3);
  await handle.close();
  const ours: Timed[] = [];
  const node: Timed[] = [];
  for (let i = 0; i < 7; i += 1) {
    node.push(expectExit('node -e 0', await timed(NODE, ['-e', '0'])));
    const r = expectExit('lexer-upload preview', await timed(NODE, [CLI, 'preview', big, '--rows', '100', '--record-type', 'customer_record', '--json']));
    if ((JSON.parse(r.stdout) as { rows: unknown[] }).rows.length !== 100) throw new Error('preview did not return 100 rows');
    ours.push(r);
  }
  const wall = median(ours.map((r) => r.wall));
  console.log(`preview of the first 100 rows of a 5 GB CSV (lexer-upload preview, wall): ${millis(ours.map((r) => r.wall))}; node -e 0 ${millis(node.map((r) => r.wall))}; target < 300 ms: ${verdict(wall < 0.3)}`);
}

async function main(): Promise<void> {
  const o = flags({ shape: 'both', rows: '1000000', runs: '3' });
  build(o.build);
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-convert-'));
  try {
    const engine = join(dir, 'engine-child.mjs');
    await writeFile(engine, ENGINE_CHILD);
    console.log(`convert, whole command wall time, medians (range) of ${o.runs} runs; ${machineLine()}`);
    for (const shape of parseShapes(o.shape)) await benchShape(shape, { rows: Number(o.rows), runs: Number(o.runs), dir, engine });
    await benchPreview(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
