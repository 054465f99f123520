import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCli, tempConfig, type CliRun } from './cli-helpers.js';

/** Waits for the first line a long-running command prints (or its end). */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    child.stdout?.on('data', (d: Buffer | string) => {
      text += String(d);
      if (text.includes('\n')) resolve(text.split('\n')[0] ?? '');
    });
    child.on('close', () => resolve(text));
  });
}

describe('lexer-upload sandbox and ui', () => {
  let work: string;
  let config: Awaited<ReturnType<typeof tempConfig>>;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lexer-cli-serve-'));
    config = await tempConfig();
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
    await config.cleanup();
  });

  test('sandbox prints {apiUrl, token, storageDir}, takes uploads, and stops cleanly on SIGTERM', async () => {
    const storage = join(work, 'storage');
    const { child, done } = startCli(['sandbox', '--dir', storage], { env: config.env });
    let run: CliRun | null = null;
    try {
      const ready = JSON.parse(await firstLine(child)) as { apiUrl: string; token: string; storageDir: string };
      assert.match(ready.apiUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(ready.storageDir, storage);
      const file = join(work, 'demo-20261126-v1.csv');
      await writeFile(file, 'a,b\n1,2\n');
      const up = await runCli(['upload', file, '--json'], { env: { ...config.env, LEXER_API_URL: ready.apiUrl, LEXER_UPLOAD_API_TOKEN: ready.token } });
      assert.equal(up.code, 0, up.stderr);
      assert.ok((await readdir(storage, { recursive: true })).some((n) => String(n).includes('demo-20261126-v1.csv')));
    } finally {
      child.kill('SIGTERM');
      run = await done;
    }
    assert.equal(run.code, 0, run.stderr);
    // One JSON line on stdout and nothing else there (the request log goes to stderr).
    assert.equal(run.stdout.trimEnd().split('\n').length, 1, run.stdout);
    assert.match(run.stderr, /PUT \/s3\/\S+ 200/);
    assert.ok(!run.stderr.includes('X-Amz-Signature'), 'the log never shows a presigned query');
  });

  test('sandbox stops cleanly on SIGINT (Ctrl+C) too, printing only its JSON line', async () => {
    const { child, done } = startCli(['sandbox'], { env: config.env });
    let run: CliRun | null = null;
    let ready: Record<string, unknown> = {};
    try {
      ready = JSON.parse(await firstLine(child)) as Record<string, unknown>;
    } finally {
      child.kill('SIGINT');
      run = await done;
    }
    assert.deepEqual(Object.keys(ready).sort(), ['apiUrl', 'storageDir', 'token']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trimEnd().split('\n').length, 1, run.stdout);
    await rm(String(ready.storageDir), { recursive: true, force: true });
  });

  test('ui prints {url}, serves the app, and stops cleanly on SIGINT', async () => {
    const { child, done } = startCli(['ui'], { env: config.env });
    let run: CliRun | null = null;
    try {
      const line = await firstLine(child);
      const { url } = JSON.parse(line) as { url: string };
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+/);
      const res = await fetch(url);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<html/i);
    } finally {
      child.kill('SIGINT');
      run = await done;
    }
    assert.equal(run.code, 0, run.stderr);
  });
});
