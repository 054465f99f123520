/**
 * What every benchmark here shares: its flags, building dist/, running a whole command as the
 * user would (wall time on our clock, peak RSS and CPU from GNU time), medians and ratios.
 *
 * The machines these run on are shared and noisy, so every figure is a median over runs, each
 * run measures ours and its peer back to back, and ratios are taken within the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The shipped command, as `npm run build` leaves it (`lexer-upload` runs this file). */
export const CLI = join(ROOT, 'dist', 'main', 'cli', 'bin.js');
export const NODE = process.execPath;

/**
 * Parses `--name value` flags (every value a string, with its default) and on/off switches
 * (`--no-build` always among them).
 */
export function flags<const K extends string, const B extends string = never>(
  defaults: Record<K, string>, switches: readonly B[] = [],
): Record<K, string> & Record<B, boolean> & { build: boolean } {
  const options: Record<string, { type: 'string' | 'boolean'; default?: string }> = { 'no-build': { type: 'boolean' } };
  for (const key of Object.keys(defaults)) options[key] = { type: 'string', default: defaults[key as K] };
  for (const key of switches) options[key] = { type: 'boolean' };
  const { values } = parseArgs({ options, strict: true });
  const on = Object.fromEntries(switches.map((key) => [key, values[key] === true])) as Record<B, boolean>;
  return { ...(values as Record<K, string>), ...on, build: !values['no-build'] };
}

/** Builds dist/ (what `npm run build` does) so the command measured is the code checked out. */
export function build(enabled: boolean): void {
  if (!enabled) return;
  const r = spawnSync(NODE, ['scripts/build.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** One finished command: wall seconds on our clock, peak RSS (MB) and CPU seconds from GNU time. */
export interface Timed { wall: number; rssMb: number; cpu: number; code: number; stdout: string; stderr: string }

/**
 * Runs `cmd args` to its end under `/usr/bin/time -v` and times it from spawn to exit, process
 * start-up and worker threads included: what a user waits for. Standard output goes to
 * `stdoutFile` when given (not into our memory), else it is collected.
 */
export function timed(cmd: string, args: readonly string[], o: { env?: NodeJS.ProcessEnv; stdoutFile?: string; cwd?: string } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const out = o.stdoutFile ? openSync(o.stdoutFile, 'w') : 'pipe';
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-v', cmd, ...args], { cwd: o.cwd ?? ROOT, env: { ...process.env, ...o.env }, stdio: ['ignore', out, 'pipe'] });
    if (typeof out === 'number') closeSync(out);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const field = (name: string): number => Number(new RegExp(`${name}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
      const cpu = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
      const rssMb = field('Maximum resident set size \\(kbytes\\)') / 1024;
      // GNU time's report is the tail of stderr; keep only what the command itself wrote.
      const own = stderr.slice(0, Math.max(0, stderr.lastIndexOf('\tCommand being timed:')));
      resolve({ wall, rssMb, cpu, code: code ?? 1, stdout, stderr: own });
    });
  });
}

/** Fails loudly with the command's own words when it did not end as expected. */
export function expectExit(what: string, r: Timed, codes: readonly number[] = [0]): Timed {
  if (!codes.includes(r.code)) throw new Error(`${what} exited ${r.code}: ${(r.stderr || r.stdout).slice(-1500)}`);
  return r;
}

/** The median (the upper one for an even count): robust to one run slowed by a neighbour. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

/** "1.23 s (1.10-1.40)": median and range of a list of seconds. */
export function seconds(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${median(values).toFixed(2)} s (${sorted[0]?.toFixed(2)}-${sorted.at(-1)?.toFixed(2)})`;
}

/** "123 ms (110-140)": median and range of a list of seconds, in milliseconds. */
export function millis(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (s: number | undefined): string => ((s ?? NaN) * 1000).toFixed(0);
  return `${ms(median(values))} ms (${ms(sorted[0])}-${ms(sorted.at(-1))})`;
}

/** The largest value, as whole MB. */
export function peakMb(values: readonly number[]): string {
  return `${Math.max(...values).toFixed(0)} MB`;
}

/** "met" or "NOT met", for a target line. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

/** One line saying how busy the machine was, to read the figures by. */
export function machineLine(): string {
  return `machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`;
}
