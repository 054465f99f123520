/**
 * What every benchmark here shares: its command-line flags, running a child command (under
 * /usr/bin/time -v for peak RSS), and medians, which these shared 2-core machines need.
 */
import { spawn } from 'node:child_process';

/** The value after `--name` on the command line, else `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

/** The median (the upper one for an even count): robust to one run slowed by a neighbour. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

/** Runs a command to its end, collecting its output (stdout to `stdoutFile` when given). */
export function run(cmd: string, args: readonly string[], stdoutFile?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `exec "$0" "$@"${stdoutFile ? ` > '${stdoutFile}'` : ''}`, cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? 1 }));
  });
}

/** Peak RSS in MB from `/usr/bin/time -v` output. */
export function peakRssMb(timeOutput: string): number {
  return Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1] ?? 0) / 1024;
}
