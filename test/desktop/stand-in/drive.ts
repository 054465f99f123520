/**
 * Runs the stand-in driver (drive-main.mjs) on the built main process in a child process: one
 * scenario, with `node`, in `cwd`; answers its `STANDIN-RESULT` line parsed, and the exit status.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const HERE = resolve(import.meta.dirname);
const REGISTER = join(HERE, 'register.mjs');
const DRIVER = join(HERE, 'drive-main.mjs');

export interface StandInResult {
  node: string;
  exitCode: number;
  problems: string[];
  log: string[];
  channels: Record<string, { ok: boolean; code?: string; message?: string }>;
  workers: Array<{ file: string; online: boolean; error: string | null }>;
  dialogs: Array<{ parent: number | null; title: string; message: string; detail?: string }>;
  errorBoxes: Array<{ title: string; content: string }>;
  windows: number;
  menu: Array<{ role?: string; submenu?: Array<{ role?: string }> }>;
  webPreferences: { devTools?: boolean } | null;
  userData: string | null;
  [key: string]: unknown;
}

/** Runs `scenario`; `env` adds to the environment (STANDIN_MAIN picks another main file). */
export function drive(node: string, scenario: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ result: StandInResult; status: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, ['--import', REGISTER, DRIVER, scenario], {
      cwd,
      // "Start at login" writes its autostart entry under XDG_CONFIG_HOME, and electron-updater
      // downloads under XDG_CACHE_HOME: both in the scenario's folder, never in the real home.
      env: {
        ...process.env, LEXER_API_URL: '', STANDIN_WORK: cwd, STANDIN_DEFAULT_USER_DATA: join(cwd, 'default-user-data'),
        XDG_CONFIG_HOME: join(cwd, 'xdg-config'), XDG_CACHE_HOME: join(cwd, 'xdg-cache'), ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('STANDIN-RESULT '));
      if (!line) return reject(new Error(`no result from the driver (exit ${status}):\n${stdout}\n${stderr}`));
      resolvePromise({ result: JSON.parse(line.slice('STANDIN-RESULT '.length)) as StandInResult, status, stderr });
    });
  });
}

