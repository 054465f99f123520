import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xxhash128 } from 'hash-wasm';
import type { Sandbox, StartSandboxOptions } from '../../main/sandbox/start-sandbox.js';
import { startSandbox } from '../../main/sandbox/start-sandbox.js';

/** A sandbox in its own temp folder, plus a scratch folder for test files; stop() removes both. */
export interface TestSandbox {
  sandbox: Sandbox;
  /** Scratch folder for files the test creates. */
  work: string;
  stop(): Promise<void>;
}

/** Starts a sandbox storing under a fresh temp dir (ports chosen by the OS). */
export async function startTestSandbox(o: Omit<StartSandboxOptions, 'dir'> = {}): Promise<TestSandbox> {
  const root = await mkdtemp(join(tmpdir(), 'lexer-test-sandbox-'));
  const sandbox = await startSandbox({ ...o, dir: join(root, 'storage') });
  const work = join(root, 'work');
  await mkdir(work);
  return {
    sandbox,
    work,
    async stop() {
      await sandbox.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Writes `content` to `dir/name` and returns the path. */
export async function writeTestFile(dir: string, name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/**
 * A file's XXH3-128 as History records it, by hash-wasm's one-shot function (the engine streams
 * through its incremental one): the bytes must reach the hash whole and in order to agree.
 */
export async function xxh128File(path: string): Promise<{ algorithm: 'xxh3-128'; value: string }> {
  return { algorithm: 'xxh3-128', value: await xxhash128(await readFile(path)) };
}

/** The sha256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
