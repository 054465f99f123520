/**
 * What reading dates in the order people write them costs: `lexer-upload
 * convert` on one customer CSV written twice, date_of_birth as ISO (1985-03-25) and as Australians
 * write it (25/03/1985, the order detected from the head, every date rewritten as ISO), with
 * Miller (`mlr --icsv --ojsonl cat`) on the same file in the same runs. Whole commands, spawned
 * from the built CLI (run `npm run build` first), timed from spawn to exit, peak RSS from GNU time.
 *
 *   node --import tsx bench/convert-dates.ts [--rows 1000000] [--runs 3] [--cli dist/main/cli/bin.js] [--peer-cli OTHER/dist/main/cli/bin.js]
 *
 * `--peer-cli` times another build (e.g. main's, before this change) on the ISO file in the same
 * runs, so the cost of the new typing shows against the old code on one machine at one moment.
 * Self-contained on purpose (no bench-kit), so it runs the same beside any version of the others.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
};
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Timed { wall: number; rssMb: number; stdout: string }

/** Runs a command under /usr/bin/time -v; wall seconds measured here, from spawn to exit. */
function timed(cmd: string, args: readonly string[], stdoutFile?: string): Promise<Timed> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const redirect = stdoutFile ? ` > '${stdoutFile}'` : '';
    const child = spawn('/bin/sh', ['-c', `exec /usr/bin/time -v "$0" "$@"${redirect}`, cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (code !== 0 && !(code === 1 && cmd === process.execPath)) return fail(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.slice(-800)}`));
      const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
      done({ wall, rssMb: rss, stdout });
    });
  });
}

const FIRST = ['Jane', 'John', 'Aroha', 'Mei', 'Liam', 'Olivia', 'Noah', 'Ava', 'Chloé', 'Zoë', 'Mohammed', 'Priya'];
const LAST = ['Doe', 'Smith', 'Nguyen', 'Patel', "O'Brien", 'García', 'Brown', 'Wilson', 'Taylor', 'Murphy'];
const HEADER = 'link.customer_id,first_name,last_name,email,mobile,gender,date_of_birth,city,postcode,employee_flag,customer_type,custom_fields.loyalty_points\n';

/** One customer row; `dmy` writes the date of birth 25/03/1985, else 1985-03-25. */
function row(i: number, dmy: boolean): string {
  const first = FIRST[i % FIRST.length] ?? '';
  const last = LAST[(i * 7) % LAST.length] ?? '';
  const email = `${first}.${last}${i}@example.com`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.@]/g, '');
  const mm = String(1 + (i % 12)).padStart(2, '0');
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const year = 1950 + (i % 55);
  const born = dmy ? `${dd}/${mm}/${year}` : `${year}-${mm}-${dd}`;
  return `C-${1_000_000 + i},${first},${last},${email},+614${String(10_000_000 + i).slice(-8)},${i % 3 ? 'Female' : 'Male'},${born},Melbourne,${3000 + (i % 900)},${i % 50 === 0 ? 'yes' : 'no'},${i % 10 === 0 ? 'VIP' : 'Regular'},${(i * 37) % 10_000}\n`;
}

async function generate(path: string, rows: number, dmy: boolean): Promise<void> {
  const out = createWriteStream(path);
  let buffer = HEADER;
  for (let i = 1; i <= rows; i++) {
    buffer += row(i, dmy);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  await new Promise<void>((r, reject) => out.end(buffer, () => r()).on('error', reject));
}

async function main(): Promise<void> {
  const rows = Number(arg('--rows', '1000000'));
  const runs = Number(arg('--runs', '3'));
  const cli = resolve(arg('--cli', 'dist/main/cli/bin.js'));
  const peerCli = process.argv.includes('--peer-cli') ? resolve(arg('--peer-cli', '')) : null;
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-dates-'));
  try {
    const iso = join(dir, 'iso.csv');
    const dmy = join(dir, 'dmy.csv');
    await generate(iso, rows, false);
    await generate(dmy, rows, true);
    console.log(`input: ${rows.toLocaleString('en')} rows, ${((await stat(dmy)).size / 1e6).toFixed(0)} MB; machine load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const convert = (bin: string, csv: string) => timed(process.execPath, [bin, 'convert', csv, '--record-type', 'customer_record', '-o', join(dir, 'out.ndjson'), '--json']);
    const results: Record<string, Timed[]> = { iso: [], dmy: [], mlr: [], peer: [] };
    const tools: Array<[string, () => Promise<Timed>]> = [
      ['iso', () => convert(cli, iso)],
      ['dmy', () => convert(cli, dmy)],
      ['mlr', () => timed('mlr', ['--icsv', '--ojsonl', 'cat', dmy], join(dir, 'mlr.ndjson'))],
      ...(peerCli ? [['peer', () => convert(peerCli, iso)] as [string, () => Promise<Timed>]] : []),
    ];
    for (let run = 0; run < runs; run++) {
      // A rotating order, so a neighbour's burst of work does not always land on the same tool.
      for (let k = 0; k < tools.length; k++) {
        const [name, go] = tools[(run + k) % tools.length] as [string, () => Promise<Timed>];
        const r = await go();
        if (name === 'iso' || name === 'dmy') {
          const out = JSON.parse(r.stdout) as { written: number; rejected: number };
          if (out.written !== rows) throw new Error(`${name}: ${out.written} of ${rows} written, ${out.rejected} rejected`);
        }
        results[name]?.push(r);
      }
      console.log(`run ${run + 1}: ${Object.entries(results).filter(([, v]) => v.length > 0).map(([k, v]) => `${k} ${v.at(-1)?.wall.toFixed(2)} s`).join(', ')}`);
    }
    const line = (name: string, what: string) => {
      const list = results[name] ?? [];
      if (list.length === 0) return;
      const s = median(list.map((t) => t.wall));
      console.log(`${what.padEnd(44)} ${s.toFixed(2)} s, ${Math.round(rows / s).toLocaleString('en')} rows/s, peak RSS ${Math.max(...list.map((t) => t.rssMb)).toFixed(0)} MB`);
    };
    line('iso', 'lexer-upload convert, ISO dates');
    line('dmy', 'lexer-upload convert, 25/03/1985 dates');
    line('peer', 'peer build (--peer-cli), ISO dates');
    line('mlr', 'mlr --icsv --ojsonl cat, 25/03/1985 file');
    const m = (name: string) => median((results[name] ?? []).map((t) => t.wall));
    console.log(`dmy / iso: ${(m('dmy') / m('iso')).toFixed(2)}x the time; Miller / ours (dmy): ${(m('mlr') / m('dmy')).toFixed(2)}x${peerCli ? `; ours (iso) / peer (iso): ${(m('iso') / m('peer')).toFixed(2)}x the time` : ''}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
