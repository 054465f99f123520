/**
 * Upload benchmark: our client (uploadFile / putFile, as a child process under /usr/bin/time -v
 * for its peak RSS) against `curl -T`, to the sandbox (s3rver behind the sandbox's front server)
 * and to a loopback server that discards the body. Medians over --runs (default 3).
 *
 *   node --import tsx bench/upload.ts [--size-mb 1024] [--runs 3]
 *
 * Transfer times are measured inside each client (curl's %{time_total}; the child's own clock
 * around the upload), so Node's start-up is not counted against either. Our client runs as
 * plain JavaScript bundled with esbuild (as the shipped CLI runs compiled code), not under tsx,
 * whose TypeScript loader alone adds ~35 MB of RSS.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { arg, median, peakRssMb, run } from './bench-kit.js';


/** Child mode: one upload, prints {"seconds": n} on stdout. */
async function client(): Promise<void> {
  const [mode, target, token, file, bytes] = process.argv.slice(3);
  // Imported here, not at the top: the measured child loads only the client code.
  const { uploadFile } = await import('../main/upload/upload-file.js');
  const { putFile } = await import('../main/upload/put-file.js');
  const started = performance.now();
  if (mode === 'sandbox') await uploadFile({ filePath: file!, filename: 'bench.bin' }, { apiUrl: target!, token: token! });
  else await putFile({ url: target!, filePath: file!, bytes: Number(bytes), displayName: 'bench.bin' });
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
}

// Inside node_modules/.cache so the bundle's bare imports (got, p-queue) resolve; removed after.
const CLIENT_DIR = fileURLToPath(new URL('../node_modules/.cache/lexer-bench/', import.meta.url));
const CLIENT = join(CLIENT_DIR, 'upload.mjs');

async function ours(mode: 'sandbox' | 'discard', target: string, token: string, file: string, bytes: number): Promise<{ seconds: number; rssMb: number }> {
  const r = await run('/usr/bin/time', ['-v', process.execPath, CLIENT, '--client', mode, target, token, file, String(bytes)]);
  if (r.code !== 0) throw new Error(`our client failed: ${r.stderr.slice(-500)}`);
  return { seconds: (JSON.parse(r.stdout) as { seconds: number }).seconds, rssMb: peakRssMb(r.stderr) };
}

async function curl(url: string, file: string): Promise<number> {
  const r = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', '-T', file, url]);
  const [status, seconds] = r.stdout.trim().split(' ');
  if (r.code !== 0 || status !== '200') throw new Error(`curl failed (${status}): ${r.stderr}`);
  return Number(seconds);
}


async function main(): Promise<void> {
  const { requestUploadUrl } = await import('../main/api/api-client.js');
  const { startSandbox } = await import('../main/sandbox/start-sandbox.js');
  const { startDiscardServer } = await import('../test/helpers/discard-server.js');
  const sizeMb = Number(arg('--size-mb', '1024'));
  const runs = Number(arg('--runs', '3'));
  const bytes = sizeMb * 1024 * 1024;
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-'));
  const file = join(dir, 'bench.bin');
  const block = randomBytes(8 * 1024 * 1024);
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    for (let left = bytes; left > 0; left -= block.length) out.write(left >= block.length ? block : block.subarray(0, left));
    out.end(() => resolve());
    out.on('error', reject);
  });
  await build({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', packages: 'external', splitting: true, outdir: CLIENT_DIR, outExtension: { '.js': '.mjs' }, logLevel: 'warning' });
  const sandbox = await startSandbox({ dir: join(dir, 'storage') });
  const discard = await startDiscardServer();
  const result = { sandbox: { ours: [] as number[], curl: [] as number[] }, discard: { ours: [] as number[], curl: [] as number[] }, rssMb: [] as number[] };
  try {
    for (let i = 0; i < runs; i += 1) {
      const a = await ours('sandbox', sandbox.apiUrl, sandbox.token, file, bytes);
      result.sandbox.ours.push(a.seconds);
      result.rssMb.push(a.rssMb);
      const { url } = await requestUploadUrl({ apiUrl: sandbox.apiUrl, token: sandbox.token, filename: 'bench.bin' });
      result.sandbox.curl.push(await curl(url.replace(/\\u0026/g, '&'), file));
      for (const f of await sandbox.storedFiles()) await rm(f.path); // keep the disk from filling up
      const b = await ours('discard', discard.url, '', file, bytes);
      result.discard.ours.push(b.seconds);
      result.rssMb.push(b.rssMb);
      result.discard.curl.push(await curl(discard.url, file));
    }
  } finally {
    await discard.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
    await rm(CLIENT_DIR, { recursive: true, force: true });
  }
  const mbps = (s: number): string => `${(sizeMb / s).toFixed(0)} MiB/s`;
  for (const target of ['sandbox', 'discard'] as const) {
    const o = median(result[target].ours);
    const c = median(result[target].curl);
    console.log(`${target.padEnd(8)} ours ${o.toFixed(2)} s (${mbps(o)})  curl ${c.toFixed(2)} s (${mbps(c)})  ours/curl throughput ${(c / o).toFixed(2)}x`);
  }
  console.log(`peak RSS of our client: ${Math.max(...result.rssMb).toFixed(0)} MB (max over ${result.rssMb.length} runs), file ${sizeMb} MiB`);
}

if (process.argv[2] === '--client') await client();
else await main();
