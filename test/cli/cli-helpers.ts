import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'main', 'cli', 'bin.ts');

/** What a finished `lexer-upload` run left behind. */
export interface CliRun { code: number | null; stdout: string; stderr: string }

/** A config folder of a test's own. */
export interface TempConfig { dir: string; env: NodeJS.ProcessEnv; cleanup(): Promise<void> }

/** A config folder of its own, so no test touches the real home or keychain. */
export async function tempConfig(): Promise<TempConfig> {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-cli-config-'));
  return { dir, env: { LEXER_UPLOAD_CONFIG_DIR: dir, LEXER_UPLOAD_VAULT: 'file' }, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A sandbox, a config folder, and the environment that points the CLI at both. */
export interface SandboxForCli { sb: TestSandbox; config: TempConfig; env: NodeJS.ProcessEnv }

/**
 * Starts a sandbox and a config folder before the enclosing block's tests and stops them after;
 * `take` receives them once started (the block keeps them in its own variables).
 */
export function useSandboxForCli(take: (s: SandboxForCli) => void): void {
  let s: SandboxForCli | undefined;
  before(async () => {
    const sb = await startTestSandbox();
    const config = await tempConfig();
    s = { sb, config, env: { ...config.env, LEXER_API_URL: sb.sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: sb.sandbox.token } };
    take(s);
  });
  after(async () => {
    await s?.sb.stop();
    await s?.config.cleanup();
  });
}

/** Starts `lexer-upload <args>` from the sources (node --import tsx), env cleaned of real settings. */
export function startCli(args: readonly string[], o: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): { child: ChildProcess; done: Promise<CliRun> } {
  const env: NodeJS.ProcessEnv = { ...process.env, LEXER_UPLOAD_API_TOKEN: '', LEXER_API_URL: '', NO_COLOR: '1', ...o.env };
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  child.stdin?.end(o.stdin ?? '');
  // Bounded: a hung command fails the test instead of hanging the suite.
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done };
}

/** Resolves once the command's standard output holds `text`, or once it has ended. */
export function untilStdout(child: ChildProcess, text: string): Promise<void> {
  let seen = '';
  return new Promise<void>((resolve) => {
    child.stdout?.on('data', (d: Buffer | string) => {
      seen += String(d);
      if (seen.includes(text)) resolve();
    });
    child.on('close', () => resolve());
  });
}

/** Runs `lexer-upload <args>` to the end. */
export function runCli(args: readonly string[], o: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<CliRun> {
  return startCli(args, o).done;
}

/** The last non-empty line of a text. */
export function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}
