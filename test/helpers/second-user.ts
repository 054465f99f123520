/**
 * A second local account for the probes of what another user on the same computer can do (plant
 * links in a shared folder, read other processes' command lines, reach loopback ports). Created
 * with useradd when the tests run as root (as CI does) and removed afterwards; otherwise the
 * probes skip, saying why.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface SecondUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  /** Runs `command` as this user; resolves with its exit code and output (never rejects on a non-zero exit). */
  run(command: string, args: readonly string[], o?: { env?: NodeJS.ProcessEnv; cwd?: string }): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Runs a Node script (`-e`) as this user. */
  node(script: string, env?: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

/** Why the probes cannot run here, or null when they can. */
export function secondUserUnavailable(): string | null {
  if (process.platform !== 'linux') return 'the second-user probes run on Linux';
  if (process.getuid?.() !== 0) return 'the second-user probes need root to create a second local account (CI runs the tests as root)';
  if (spawnSync('useradd', ['--help'], { stdio: 'ignore' }).error) return 'useradd is not installed, so no second local account can be made';
  return null;
}

/** Creates a fresh account (no home, no login shell); call remove() when done. */
export async function createSecondUser(): Promise<SecondUser> {
  const name = `lexer-probe-${randomBytes(3).toString('hex')}`;
  await exec('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', name]);
  const uid = Number((await exec('id', ['-u', name])).stdout.trim());
  const gid = Number((await exec('id', ['-g', name])).stdout.trim());
  const run: SecondUser['run'] = (command, args, o = {}) => new Promise((resolve) => {
    const child = spawn(command, args, { uid, gid, env: o.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' }, cwd: o.cwd ?? '/', stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    name, uid, gid, run,
    node: (script, env) => run(process.execPath, ['-e', script], env ? { env } : {}),
    async remove() {
      await exec('userdel', [name]).catch(() => undefined);
    },
  };
}
