/**
 * The Node that Electron 40 embeds (24.x), for running the built main process and
 * electron-builder under it. The `node-<platform>-<arch>` packages on the npm registry ship
 * Node's own binaries, so CI (which reaches only the npm registry) can fetch one; it is kept in
 * node_modules/.cache so later runs start at once. Outside CI a machine without the registry
 * skips the checks with a message; on CI that is a failure (the check must run there).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** Electron 40.10's Node (process.versions.node inside it). */
export const ELECTRON_NODE_VERSION = '24.15.0';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'lexer-node24');
const run = promisify(execFile);

function packageName(): string {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${platform}-${process.arch}`;
}

function binaryIn(dir: string): string {
  const pkg = join(dir, 'node_modules', packageName());
  return process.platform === 'win32' ? join(pkg, 'bin', 'node.exe') : join(pkg, 'bin', 'node');
}

let pending: Promise<string> | null = null;

/** Downloads (once) and answers the path of a Node 24 binary; rejects with a plain reason. */
export function node24(): Promise<string> {
  pending ??= (async () => {
    if (process.env.LEXER_NODE24) return resolve(process.env.LEXER_NODE24);
    if (process.versions.node.startsWith('24.')) return process.execPath;
    const dir = join(CACHE, ELECTRON_NODE_VERSION);
    if (existsSync(binaryIn(dir))) return binaryIn(dir);
    await mkdir(CACHE, { recursive: true });
    const tmp = await mkdtemp(join(CACHE, 'download-'));
    try {
      // Electron's exact Node where the registry has it for this platform, else the newest 24.x.
      let lastError: unknown = null;
      for (const version of [ELECTRON_NODE_VERSION, '24']) {
        try {
          await run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', tmp, `${packageName()}@${version}`], {
            cwd: tmp, timeout: 300_000, shell: process.platform === 'win32',
          });
          lastError = null;
          break;
        } catch (error) {
          lastError = error;
        }
      }
      if (lastError !== null) throw lastError;
      // Two test files may race: whoever renames first wins, the other uses its copy.
      await rename(tmp, dir).catch(() => undefined);
    } catch (error) {
      throw new Error(`could not install ${packageName()}@${ELECTRON_NODE_VERSION} from the npm registry: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    if (!existsSync(binaryIn(dir))) throw new Error(`${packageName()} installed, but it has no ${binaryIn(dir)}`);
    return binaryIn(dir);
  })();
  return pending;
}

/**
 * Node 24 for a test, or a reason to skip it. On CI a missing Node 24 is an error, not a skip.
 */
export async function node24OrSkip(): Promise<{ node: string; skip: null } | { node: null; skip: string }> {
  try {
    return { node: await node24(), skip: null };
  } catch (error) {
    const reason = `Node 24 (Electron 40's Node) is not available: ${(error as Error).message}`;
    if (process.env.CI) throw new Error(`${reason}. CI must run this check.`);
    return { node: null, skip: reason };
  }
}
