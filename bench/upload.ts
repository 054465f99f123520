/**
 * Upload benchmark: `lexer-upload upload` of a large file as a user runs it, against `curl -T`
 * sending the same file in the same run; then the engine alone (uploadFile, putFile) against curl,
 * to the sandbox (`lexer-upload sandbox`: its front server and s3rver) and to a loopback server
 * that discards the body.
 *
 *   node --import tsx bench/upload.ts [--size-mb 512] [--runs 5] [--no-build]
 *   node --import tsx bench/upload.ts --link-mbit 50 [--rows 1000000] [--runs 3]   # gzip on vs off over a slow link
 *
 * With --link-mbit it measures instead what gzip on the way saves over a throttled uplink
 * (bench/upload-link.ts): the whole `lexer-upload upload` of the customer NDJSON, gzip on and off.
 *
 * Whole commands are timed from spawn to exit, start-up included: ours asks the sandbox for its
 * URL itself; curl gets one the bench asked for beforehand (untimed), so curl's figure is the PUT
 * alone. The engine figures are taken inside a minimal child, around uploadFile (API call and PUT)
 * or putFile (the PUT alone), against curl's own %{time_total}. Peak RSS from GNU time.
 * Targets: CLI >= 0.95x curl's throughput; engine >= 0.95x (sandbox), >= 0.9x
 * (discard); peak RSS of an upload < 100 MB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { CLI, NODE, ROOT, build, emptyBucket, expectExit, flags, machineLine, median, peakMb, seconds, timed, verdict, type Timed } from './bench-kit.js';
import { writeCsv } from './data-shapes.js';
import { runLinkBench } from './upload-link.js';

const dist = (path: string): string => JSON.stringify(pathToFileURL(join(ROOT, 'dist', path)).href);

/** A minimal child timing the engine: `sandbox <apiUrl> <token> <file>` or `discard <url> <file> <bytes>`. */
const ENGINE_CHILD = `
const [mode, target, a, b] = process.argv.slice(2);
const started = performance.now();
if (mode === 'sandbox') {
  const { uploadFile } = await import(${dist('main/engine/upload/upload-file.js')});
  await uploadFile({ filePath: b, filename: 'bench-20261126-v1.csv' }, { apiUrl: target, token: a });
} else {
  const { putFile } = await import(${dist('main/engine/upload/put-file.js')});
  await putFile({ url: target, filePath: a, bytes: Number(b), displayName: 'bench.csv' });
}
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
`;

/** A loopback server that reads every request body and throws it away, then answers 200. */
const DISCARD_SERVER = `
import { createServer } from 'node:http';
const server = createServer((req, res) => { req.on('data', () => {}); req.on('end', () => res.end()); });
server.requestTimeout = 0;
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port + '/discard' })));
`;

/** Starts a server as a child process and reads the JSON line it prints when ready. */
async function startServer<T>(args: string[]): Promise<{ info: T; child: ChildProcess }> {
  const child = spawn(NODE, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { info: JSON.parse(line) as T, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** curl -T to `url`, timed as a whole command; also returns curl's own %{time_total}. */
async function curl(url: string, file: string): Promise<Timed & { inside: number }> {
  const r = await timed('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', '-T', file, url]);
  const [status, total] = r.stdout.trim().split(' ');
  if (r.code !== 0 || status !== '200') throw new Error(`curl failed (${status}): ${r.stderr}`);
  return { ...r, inside: Number(total) };
}

async function main(): Promise<void> {
  const o = flags({ 'size-mb': '512', runs: '', 'link-mbit': '', rows: '1000000' });
  build(o.build);
  if (o['link-mbit']) {
    await runLinkBench({ mbit: Number(o['link-mbit']), rows: Number(o.rows), runs: Number(o.runs || 3) }, startServer, stop);
    return;
  }
  o.runs ||= '5';
  const sizeMb = Number(o['size-mb']);
  const bytes = sizeMb * 1024 * 1024;
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-upload-'));
  const storage = join(dir, 'storage');
  const children: ChildProcess[] = [];
  try {
    // A real CSV (a file the app would send), cut to exactly the size asked for.
    const file = join(dir, 'bench-20261126-v1.csv');
    await writeCsv('wide', file, Math.ceil(bytes / 150) + 1000);
    await truncate(file, bytes);
    const engine = join(dir, 'engine-child.mjs');
    await writeFile(engine, ENGINE_CHILD);
    await writeFile(join(dir, 'discard-server.mjs'), DISCARD_SERVER);
    const sandbox = await startServer<{ apiUrl: string; token: string }>([CLI, 'sandbox', '--dir', storage]);
    children.push(sandbox.child);
    const discard = await startServer<{ url: string }>([join(dir, 'discard-server.mjs')]);
    children.push(discard.child);
    const { apiUrl, token } = sandbox.info;
    const env = { LEXER_API_URL: apiUrl, LEXER_UPLOAD_API_TOKEN: token, LEXER_UPLOAD_CONFIG_DIR: join(dir, 'config'), LEXER_UPLOAD_VAULT: 'file' };
    const freshUrl = async (): Promise<string> => {
      const reply = await fetch(`${apiUrl}/v1/uploads`, { method: 'POST', headers: { 'auth-api-token': token, 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'bench-20261126-v1.csv' }) });
      return ((await reply.json()) as { url: string }).url;
    };

    const cli: Timed[] = [];
    const cliCurl: Timed[] = [];
    const engineSandbox: Array<Timed & { inside: number }> = [];
    const curlSandbox: Array<Timed & { inside: number }> = [];
    const engineDiscard: Array<Timed & { inside: number }> = [];
    const curlDiscard: Array<Timed & { inside: number }> = [];
    const engineRun = async (args: string[]): Promise<Timed & { inside: number }> => {
      const r = expectExit('engine child', await timed(NODE, [engine, ...args]));
      return { ...r, inside: (JSON.parse(r.stdout) as { seconds: number }).seconds };
    };
    // Each step is ours and curl back to back; which goes first alternates from run to run.
    const pair = async (run: number, ours: () => Promise<void>, peer: () => Promise<void>): Promise<void> => {
      for (const go of run % 2 === 0 ? [ours, peer] : [peer, ours]) {
        await go();
        await emptyBucket(join(storage, 'uploads'));
      }
    };
    const steps = [
      (run: number) => pair(run, async () => {
        // The same file every run: --allow-duplicate, as a user re-sending it on purpose would.
        const r = expectExit('lexer-upload upload', await timed(NODE, [CLI, 'upload', file, '--json', '--allow-duplicate'], { env }));
        if ((JSON.parse(r.stdout) as { bytes: number }).bytes !== bytes) throw new Error(`upload reported ${r.stdout}`);
        cli.push(r);
      }, async () => {
        cliCurl.push(await curl(await freshUrl(), file));
      }),
      (run: number) => pair(run, async () => {
        engineSandbox.push(await engineRun(['sandbox', apiUrl, token, file]));
      }, async () => {
        curlSandbox.push(await curl(await freshUrl(), file));
      }),
      (run: number) => pair(run, async () => {
        engineDiscard.push(await engineRun(['discard', discard.info.url, file, String(bytes)]));
      }, async () => {
        curlDiscard.push(await curl(discard.info.url, file));
      }),
    ];
    for (let run = 0; run < Number(o.runs); run += 1) {
      for (const step of steps) await step(run);
    }

    const mibps = (s: number): string => `${(sizeMb / s).toFixed(0)} MiB/s`;
    const line = (label: string, values: number[]): string => `${label.padEnd(44)} ${seconds(values).padEnd(20)} ${mibps(median(values))}`;
    const ratio = (ours: number[], peer: number[]): number => median(peer) / median(ours);
    // Each run measures ours and curl back to back: the median of those pairs' ratios moves least
    // when a neighbour's load comes and goes.
    const pairs = (ours: number[], peer: number[]): string => `median of per-run ratios ${median(ours.map((o, i) => (peer[i] ?? NaN) / o)).toFixed(2)}x`;
    console.log(`upload of ${sizeMb} MiB, medians (range) of ${o.runs} runs; ${machineLine()}`);
    const a = ratio(cli.map((r) => r.wall), cliCurl.map((r) => r.wall));
    console.log(line('lexer-upload upload, to the sandbox (wall)', cli.map((r) => r.wall)));
    console.log(line('curl -T, to the sandbox (wall)', cliCurl.map((r) => r.wall)));
    console.log(`  CLI/curl throughput ${a.toFixed(2)}x (${pairs(cli.map((r) => r.wall), cliCurl.map((r) => r.wall))}), target >= 0.95x: ${verdict(a >= 0.95)}`);
    const b = ratio(engineSandbox.map((r) => r.inside), curlSandbox.map((r) => r.inside));
    console.log(line('engine uploadFile, to the sandbox (inside)', engineSandbox.map((r) => r.inside)));
    console.log(line('curl -T, to the sandbox (time_total)', curlSandbox.map((r) => r.inside)));
    console.log(`  engine/curl throughput ${b.toFixed(2)}x (${pairs(engineSandbox.map((r) => r.inside), curlSandbox.map((r) => r.inside))}), target >= 0.95x: ${verdict(b >= 0.95)}`);
    const c = ratio(engineDiscard.map((r) => r.inside), curlDiscard.map((r) => r.inside));
    console.log(line('engine putFile, to a discarding server', engineDiscard.map((r) => r.inside)));
    console.log(line('curl -T, to a discarding server', curlDiscard.map((r) => r.inside)));
    console.log(`  engine/curl throughput ${c.toFixed(2)}x (${pairs(engineDiscard.map((r) => r.inside), curlDiscard.map((r) => r.inside))}), target >= 0.9x: ${verdict(c >= 0.9)}`);
    const rss = [...cli, ...engineSandbox, ...engineDiscard].map((r) => r.rssMb);
    console.log(`peak RSS: lexer-upload upload ${peakMb(cli.map((r) => r.rssMb))}, engine ${peakMb([...engineSandbox, ...engineDiscard].map((r) => r.rssMb))}, curl ${peakMb([...cliCurl, ...curlSandbox, ...curlDiscard].map((r) => r.rssMb))}; target < 100 MB: ${verdict(Math.max(...rss) < 100)}`);
  } finally {
    for (const child of children) await stop(child);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
