/**
 * Where a user feels gzip on the way: `lexer-upload upload` of the 1,000,000-row
 * customer NDJSON over a throttled uplink (a TCP proxy on loopback, bench/throttle-proxy.ts, in
 * front of the sandbox), with gzip on (compress, then send) and off (--no-gzip), in the same run,
 * taking turns. Each is the whole command timed from spawn to exit; each stored object is checked
 * to gunzip (or be) byte for byte the file, by sha256. Target: at least 4x faster with gzip on.
 *
 *   node --import tsx bench/upload.ts --link-mbit 50 [--rows 1000000] [--runs 3]
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { ChildProcess } from 'node:child_process';
import { sha256File } from '../main/engine/dedupe/fingerprint.js';
import { listStoredObjects } from '../main/sandbox/stored-files.js';
import { CLI, NODE, emptyBucket, expectExit, machineLine, median, peakMb, seconds, timed, verdict, type Timed } from './bench-kit.js';
import { writeCustomerNdjson } from './customer-ndjson.js';

/** sha256 of what a gzip file holds, streamed. */
async function gunzippedSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path).pipe(createGunzip())) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Runs the link benchmark; `startServer` starts a child that prints its JSON line when ready. */
export async function runLinkBench(
  o: { mbit: number; rows: number; runs: number },
  startServer: <T>(args: string[]) => Promise<{ info: T; child: ChildProcess }>,
  stop: (child: ChildProcess) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-link-'));
  const storage = join(dir, 'storage');
  let server: ChildProcess | null = null;
  try {
    const file = join(dir, 'customers-20261129-v1.ndjson');
    await writeCustomerNdjson(file, o.rows);
    const sourceBytes = (await stat(file)).size;
    const sourceSha256 = await sha256File(file);
    const started = await startServer<{ apiUrl: string; token: string }>(['--import', 'tsx', 'bench/link-server.ts', String(o.mbit), storage]);
    server = started.child;
    const bucket = join(storage, 'uploads');
    /** The one object stored since the bucket was last emptied, which must be named `name`. */
    const storedPath = async (name: string): Promise<string> => {
      const stored = await listStoredObjects(bucket);
      if (stored.length !== 1 || !stored[0]?.key.endsWith(`/${name}`)) throw new Error(`expected ${name} stored alone, found: ${stored.map((o) => o.key).join(', ') || 'nothing'}`);
      return stored[0].path;
    };

    const runs: Record<'on' | 'off', Array<Timed & { sent: number }>> = { on: [], off: [] };
    const send = async (mode: 'on' | 'off', run: number): Promise<void> => {
      // A fresh History each time, so the duplicate guard sees a new export (as a user's would).
      const env = {
        LEXER_API_URL: started.info.apiUrl, LEXER_UPLOAD_API_TOKEN: started.info.token,
        LEXER_UPLOAD_CONFIG_DIR: join(dir, `config-${run}-${mode}`), LEXER_UPLOAD_VAULT: 'file',
      };
      const r = expectExit(`upload (gzip ${mode})`, await timed(NODE, [CLI, 'upload', file, '--json', ...(mode === 'off' ? ['--no-gzip'] : [])], { env }));
      const out = JSON.parse(r.stdout) as { filename: string; bytes: number };
      const stored = await storedPath(out.filename);
      if ((await (mode === 'on' ? gunzippedSha256(stored) : sha256File(stored))) !== sourceSha256) throw new Error(`the stored ${out.filename} is not the file (gzip ${mode})`);
      runs[mode].push({ ...r, sent: out.bytes });
      await emptyBucket(bucket);
    };
    for (let run = 0; run < o.runs; run += 1) {
      for (const mode of run % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) await send(mode, run);
    }

    const wall = (mode: 'on' | 'off'): number[] => runs[mode].map((r) => r.wall);
    const speedup = median(wall('off')) / median(wall('on'));
    const perRun = median(runs.on.map((r, i) => (runs.off[i]?.wall ?? NaN) / r.wall));
    const linkSeconds = (bytes: number): number => (bytes * 8) / (o.mbit * 1e6);
    const sent = median(runs.on.map((r) => r.sent));
    console.log(`upload of the ${o.rows.toLocaleString('en-US')}-row customer NDJSON (${(sourceBytes / 1e6).toFixed(0)} MB) over a ${o.mbit} Mbit/s link, medians (range) of ${o.runs} runs; ${machineLine()}`);
    console.log(`gzip on  (compress, then send): ${seconds(wall('on')).padEnd(22)} ${(sent / 1e6).toFixed(1)} MB sent (${(sourceBytes / sent).toFixed(1)}x smaller; the link alone needs ${linkSeconds(sent).toFixed(1)} s), CPU ${median(runs.on.map((r) => r.cpu)).toFixed(1)} s, peak RSS ${peakMb(runs.on.map((r) => r.rssMb))}`);
    console.log(`gzip off (--no-gzip):           ${seconds(wall('off')).padEnd(22)} ${(sourceBytes / 1e6).toFixed(1)} MB sent (the link alone needs ${linkSeconds(sourceBytes).toFixed(1)} s), CPU ${median(runs.off.map((r) => r.cpu)).toFixed(1)} s, peak RSS ${peakMb(runs.off.map((r) => r.rssMb))}`);
    console.log(`  gzip on is ${speedup.toFixed(2)}x faster (median of per-run ratios ${perRun.toFixed(2)}x), target >= 4x: ${verdict(speedup >= 4)}; every stored object gunzips to the file (sha256 ${sourceSha256.slice(0, 12)}…)`);
  } finally {
    if (server) await stop(server);
    await rm(dir, { recursive: true, force: true });
  }
}
