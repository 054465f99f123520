/**
 * Validation benchmark: `lexer-upload validate` as a user runs it, on NDJSON of two data shapes
 * (bench/data-shapes.ts: the records `convert` makes of the narrow and the wide CSV, 1,000,000
 * each, 1 in 100 invalid), against Miller reading and writing the same file
 * (`mlr --ijsonl --ojsonl cat`) in the same runs.
 *
 *   node --import tsx bench/validate.ts [--shape both|narrow|wide] [--rows 1000000] [--runs 3] [--no-build]
 *
 * "ours" is the whole command (`node dist/main/cli/bin.js validate ... --json`), timed from spawn
 * to exit with its peak RSS from GNU time; "engine" is validateNdjsonFile timed inside a minimal
 * child. Targets: >= 450,000 rows/s for the whole command, peak RSS < 200 MB.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, NODE, ROOT, build, expectExit, flags, machineLine, median, peakMb, seconds, timed, verdict, type Timed } from './bench-kit.js';
import { columnCount, parseShapes, writeNdjson, type ShapeName } from './data-shapes.js';

const ENGINE_CHILD = `
const { validateNdjsonFile } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/main/engine/pipeline/validate-ndjson.js')).href)});
const started = performance.now();
const r = await validateNdjsonFile(process.argv[2], 'customer_record', { maxErrors: 100 });
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, total: r.total, invalid: r.invalid }));
`;

interface Counts { total: number; invalid: number }

function checkCounts(what: string, r: Counts, rows: number, invalid: number): void {
  if (r.total !== rows || r.invalid !== invalid) throw new Error(`${what}: expected ${rows} records, ${invalid} invalid; got ${JSON.stringify({ total: r.total, invalid: r.invalid })}`);
}

async function benchShape(shape: ShapeName, o: { rows: number; runs: number; dir: string; engine: string }): Promise<void> {
  const file = join(o.dir, `${shape}.ndjson`);
  const invalid = await writeNdjson(shape, file, o.rows, { spoil: true });
  const mb = (await stat(file)).size / 1e6;
  const ours: Timed[] = [];
  const engine: Array<Timed & { inside: number }> = [];
  const miller: Timed[] = [];
  const tools = [
    async () => {
      // Exit 1: the file has invalid records, as it should.
      const r = expectExit('lexer-upload validate', await timed(NODE, [CLI, 'validate', file, '--record-type', 'customer_record', '--json']), [1]);
      checkCounts('lexer-upload validate', JSON.parse(r.stdout) as Counts, o.rows, invalid);
      ours.push(r);
    },
    async () => {
      const r = expectExit('engine child', await timed(NODE, [o.engine, file]));
      const report = JSON.parse(r.stdout) as Counts & { seconds: number };
      checkCounts('validateNdjsonFile', report, o.rows, invalid);
      engine.push({ ...r, inside: report.seconds });
    },
    async () => {
      miller.push(expectExit('mlr', await timed('mlr', ['--ijsonl', '--ojsonl', 'cat', file], { stdoutFile: '/dev/null' })));
    },
  ];
  for (let run = 0; run < o.runs; run += 1) {
    for (let k = 0; k < tools.length; k += 1) await tools[(run + k) % tools.length]?.();
  }
  const wall = ours.map((r) => r.wall);
  const mlr = miller.map((r) => r.wall);
  const rate = (s: number): number => Math.round(o.rows / s);
  const rss = Math.max(...ours.map((r) => r.rssMb));
  console.log(`${shape}: ${o.rows.toLocaleString('en-US')} records (${invalid.toLocaleString('en-US')} invalid), ${columnCount(shape)} fields, ${mb.toFixed(0)} MB of NDJSON`);
  console.log(`  ours (lexer-upload validate, wall)  ${seconds(wall)}, ${rate(median(wall)).toLocaleString('en-US')} rows/s, peak RSS ${peakMb(ours.map((r) => r.rssMb))}, CPU ${median(ours.map((r) => r.cpu)).toFixed(2)} s`);
  console.log(`  engine (validateNdjsonFile inside)  ${seconds(engine.map((r) => r.inside))}, ${rate(median(engine.map((r) => r.inside))).toLocaleString('en-US')} rows/s; its process ${seconds(engine.map((r) => r.wall))}`);
  console.log(`  mlr --ijsonl --ojsonl cat (wall)    ${seconds(mlr)}, ${rate(median(mlr)).toLocaleString('en-US')} rows/s, peak RSS ${peakMb(miller.map((r) => r.rssMb))}`);
  console.log(`  speed vs Miller ${(median(mlr) / median(wall)).toFixed(2)}x; target >= 450,000 rows/s: ${verdict(rate(median(wall)) >= 450_000)}; peak RSS target < 200 MB: ${verdict(rss < 200)}`);
}

async function main(): Promise<void> {
  const o = flags({ shape: 'both', rows: '1000000', runs: '3' });
  build(o.build);
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-validate-'));
  try {
    const engine = join(dir, 'engine-child.mjs');
    await writeFile(engine, ENGINE_CHILD);
    console.log(`validate, whole command wall time, medians (range) of ${o.runs} runs; ${machineLine()}`);
    for (const shape of parseShapes(o.shape)) await benchShape(shape, { rows: Number(o.rows), runs: Number(o.runs), dir, engine });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
