/**
 * The whole way, as people script it by hand: each case is our whole command(s) against the
 * shell pipeline someone would write, in the same runs, taking turns, to the sandbox on loopback.
 *
 *   node --import tsx bench/whole-way.ts [--case gzip|plain|convert|all] [--sizes-mb 100,1024] [--runs 5]
 *        [--node24 PATH] [--peer-cli DIST/main/cli/bin.js] [--cli DIST/main/cli/bin.js] [--no-build]
 *
 * - gzip: `lexer-upload upload customers.ndjson` (gzip on the way, the duplicate guard on: a fresh
 *   History each run) against `pigz -p 2 -6 -c file > file.gz && curl -T file.gz URL`, on the
 *   customer NDJSON (bench/customer-ndjson.ts) cut to each of --sizes-mb. Targets >= 0.8x, peak RSS < 200 MB.
 * - plain: `lexer-upload upload export.csv` (sent as it is, hashed for the guard) of --plain-mb
 *   (512 MiB) against `curl -T`. Target >= 0.95x.
 * - convert: `lexer-upload convert` of the narrow 1,000,000-row CSV then `lexer-upload upload` of
 *   the NDJSON, against `mlr --icsv --ojsonl cat | pigz -p 2 > f.gz && curl -T`. Target >= 1.5x.
 *
 * The peer gets its presigned URL beforehand (untimed), so its figure is compress and PUT alone.
 * --node24 runs ours a second time under that Node (the Electron main process's Node 24, e.g.
 * node_modules/.cache/lexer-node24/…/bin/node); --peer-cli runs another build (before a change)
 * in the same runs; --cli measures a build other than dist/ as ours. CPU seconds per GiB of source are GNU time's user+system of the whole
 * command (the sandbox's own CPU is not in it, for ours nor the peer).
 */
import { mkdtemp, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { CLI, NODE, build, emptyBucket, expectExit, flags, machineLine, median, peakMb, seconds, timed, type Timed } from './bench-kit.js';
import { writeCustomerNdjson } from './customer-ndjson.js';
import { writeCsv } from './data-shapes.js';

interface Leg { name: string; run: (run: number) => Promise<Timed> }
interface Sandbox { apiUrl: string; token: string; storage: string }

const CUSTOMER_ROW_BYTES = 407;

async function startSandbox(dir: string, cli: string): Promise<{ info: Sandbox; child: ChildProcess }> {
  const storage = join(dir, 'storage');
  const child = spawn(NODE, [cli, 'sandbox', '--dir', storage], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { info: { ...(JSON.parse(line) as { apiUrl: string; token: string }), storage }, child };
}

/** A presigned URL for the peer, asked for outside its timing (as curl's figures in bench/upload.ts). */
async function freshUrl(s: Sandbox, filename: string): Promise<string> {
  const reply = await fetch(`${s.apiUrl}/v1/uploads`, { method: 'POST', headers: { 'auth-api-token': s.token, 'content-type': 'application/json' }, body: JSON.stringify({ filename }) });
  return ((await reply.json()) as { url: string }).url;
}

/** The shell pipeline as a whole command; fails unless curl saw a 200. */
async function shell(script: string, env: Record<string, string>): Promise<Timed> {
  const r = expectExit('peer pipeline', await timed('/bin/sh', ['-c', script], { env }));
  if (!r.stdout.trim().endsWith('200')) throw new Error(`peer PUT answered ${r.stdout}`);
  return r;
}

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Our command(s) under `node` with `cli`, each run with a fresh History (the guard finds nothing and hashes what it sends). */
function ours(o: { dir: string; s: Sandbox; node: string; cli: string; label: string }, commands: (cli: string, out: string) => string[][]): Leg {
  return {
    name: o.label,
    run: async (run) => {
      const env = {
        LEXER_API_URL: o.s.apiUrl, LEXER_UPLOAD_API_TOKEN: o.s.token, LEXER_UPLOAD_VAULT: 'file',
        LEXER_UPLOAD_CONFIG_DIR: join(o.dir, `config-${o.label.replace(/\W+/g, '-')}-${run}`),
      };
      const out = join(o.dir, `out-${run}-${o.label.replace(/\W+/g, '-')}-20261206-v1.ndjson`);
      const script = commands(o.cli, out).map((args) => [o.node, ...args].map(q).join(' ')).join(' && ');
      const r = expectExit(o.label, await timed('/bin/sh', ['-c', script], { env }));
      await rm(out, { force: true });
      return r;
    },
  };
}

async function runCase(title: string, legs: Leg[], o: { runs: number; bytes: number; s: Sandbox }): Promise<void> {
  const results = new Map<string, Timed[]>(legs.map((l) => [l.name, []]));
  for (let run = 0; run < o.runs; run += 1) {
    // Rotate who goes first, so a neighbour's burst slows each alike.
    for (let k = 0; k < legs.length; k += 1) {
      const leg = legs[(run + k) % legs.length] as Leg;
      results.get(leg.name)?.push(await leg.run(run));
      await emptyBucket(join(o.s.storage, 'uploads'));
    }
  }
  const peer = legs.at(-1) as Leg;
  const peerWall = (results.get(peer.name) ?? []).map((r) => r.wall);
  const gib = o.bytes / 2 ** 30;
  console.log(`\n${title}: medians (range) of ${o.runs} runs; ${machineLine()}`);
  for (const leg of legs) {
    const r = results.get(leg.name) ?? [];
    const wall = r.map((x) => x.wall);
    const perRun = median(wall.map((w, i) => (peerWall[i] ?? NaN) / w));
    const ratio = leg === peer ? '' : `  ${(median(peerWall) / median(wall)).toFixed(2)}x the peer (per-run ${perRun.toFixed(2)}x)`;
    console.log(`  ${leg.name.padEnd(34)} ${seconds(wall).padEnd(20)} CPU ${median(r.map((x) => x.cpu)).toFixed(2)} s (${(median(r.map((x) => x.cpu)) / gib).toFixed(2)} s/GiB)  peak RSS ${peakMb(r.map((x) => x.rssMb))}${ratio}`);
  }
}

async function main(): Promise<void> {
  const o = flags({ case: 'all', 'sizes-mb': '100,1024', 'plain-mb': '512', rows: '1000000', runs: '5', node24: '', 'peer-cli': '', cli: CLI });
  build(o.build);
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-whole-'));
  const sandbox = await startSandbox(dir, o.cli);
  const s = sandbox.info;
  const runs = Number(o.runs);
  const cases = o.case === 'all' ? ['gzip', 'plain', 'convert'] : [o.case];
  const oursLegs = (commands: (cli: string, out: string) => string[][]): Leg[] => [
    ours({ dir, s, node: NODE, cli: o.cli, label: `ours (node ${process.versions.node})` }, commands),
    ...(o.node24 ? [ours({ dir, s, node: o.node24, cli: o.cli, label: 'ours (node 24)' }, commands)] : []),
    ...(o['peer-cli'] ? [ours({ dir, s, node: NODE, cli: o['peer-cli'], label: 'before (peer-cli)' }, commands)] : []),
  ];
  try {
    if (cases.includes('gzip')) {
      for (const mb of o['sizes-mb'].split(',').map(Number)) {
        const file = join(dir, `customers-${mb}mb-20261206-v1.ndjson`);
        await writeCustomerNdjson(file, Math.ceil((mb * 1e6) / CUSTOMER_ROW_BYTES));
        await truncate(file, mb * 1e6);
        const gz = join(dir, 'peer.ndjson.gz');
        await runCase(`gzip + upload of ${mb} MB of customer NDJSON`, [
          ...oursLegs((cli) => [[cli, 'upload', file, '--json']]),
          { name: 'pigz -p 2 then curl -T', run: async () => shell(`pigz -p 2 -6 -c ${q(file)} > ${q(gz)} && curl -sS -o /dev/null -w '%{http_code}' -T ${q(gz)} "$URL"`, { URL: await freshUrl(s, 'peer-20261206-v1.ndjson.gz') }) },
        ], { runs, bytes: (await stat(file)).size, s });
        await rm(file);
      }
    }
    if (cases.includes('plain')) {
      const bytes = Number(o['plain-mb']) * 2 ** 20;
      const file = join(dir, 'export-20261206-v1.csv');
      await writeCsv('wide', file, Math.ceil(bytes / 150) + 1000);
      await truncate(file, bytes);
      await runCase(`upload of ${o['plain-mb']} MiB of CSV, uncompressed`, [
        ...oursLegs((cli) => [[cli, 'upload', file, '--json']]),
        { name: 'curl -T', run: async () => shell(`curl -sS -o /dev/null -w '%{http_code}' -T ${q(file)} "$URL"`, { URL: await freshUrl(s, 'peer-20261206-v1.csv') }) },
      ], { runs, bytes, s });
      await rm(file);
    }
    if (cases.includes('convert')) {
      const csv = join(dir, 'narrow-20261206-v1.csv');
      await writeCsv('narrow', csv, Number(o.rows));
      const gz = join(dir, 'peer.ndjson.gz');
      await runCase(`convert + gzip + upload of ${Number(o.rows).toLocaleString('en-US')} narrow CSV rows`, [
        ...oursLegs((cli, out) => [[cli, 'convert', csv, '--record-type', 'customer_record', '-o', out], [cli, 'upload', out, '--json']]),
        { name: 'mlr | pigz -p 2 then curl -T', run: async () => shell(`mlr --icsv --ojsonl cat ${q(csv)} | pigz -p 2 -6 > ${q(gz)} && curl -sS -o /dev/null -w '%{http_code}' -T ${q(gz)} "$URL"`, { URL: await freshUrl(s, 'peer-20261206-v1.ndjson.gz') }) },
      ], { runs, bytes: (await stat(csv)).size, s });
    }
  } finally {
    sandbox.child.kill('SIGTERM');
    await once(sandbox.child, 'exit');
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
