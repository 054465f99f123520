// `npm start` where Electron's binary is absent (this machine and CI): one line says why, the
// browser host starts, its URL is printed and answers, the browser is opened when there is a
// display and an opener, and Ctrl+C stops it cleanly. Needs `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');
const START = join(ROOT, 'scripts', 'start.mjs');

/** Starts the start script with no Electron binary; resolves once it printed the URL line. */
async function startWithoutElectron(env: NodeJS.ProcessEnv) {
  const work = await mkdtemp(join(tmpdir(), 'lexer-start-'));
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    // ELECTRON_OVERRIDE_DIST_PATH is electron's own knob for where its binary is: an empty folder = absent.
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: work, LEXER_UPLOAD_CONFIG_DIR: join(work, 'config'), LEXER_UPLOAD_VAULT: 'file', LEXER_API_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const url = await new Promise<string>((resolveUrl, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const m = /running at (http:\/\/\S+?)(?: \(|\. )/.exec(line);
      if (m) resolveUrl(m[1]!);
    });
    void exited.then((code) => reject(new Error(`start exited (${code}) before printing a URL:\n${lines.join('\n')}\n${stderr}`)));
  });
  return {
    work, url, lines, stderr: () => stderr,
    async stop() {
      child.kill('SIGINT');
      const code = await exited;
      clearTimeout(killer);
      await rm(work, { recursive: true, force: true });
      return code;
    },
  };
}

test('package.json start builds, then runs the start script', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts.start, 'npm run build && node scripts/start.mjs');
});

test('without the Electron binary: one line why, the browser host’s URL printed and answering, Ctrl+C stops it', async () => {
  assert.ok(existsSync(join(ROOT, 'dist/main/cli/bin.js')), 'run `npm run build` first');
  const s = await startWithoutElectron({ DISPLAY: '', WAYLAND_DISPLAY: '' });
  try {
    assert.match(s.lines[0]!, /^Lexer Uploader: the desktop window is unavailable: Electron's binary is not installed \(.+\)\. Serving the app to your browser instead\.$/);
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\//);
    const page = await fetch(s.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/i);
    assert.doesNotMatch(s.lines.join('\n') + s.stderr(), /\n\s+at \S+ \(/, 'no stack trace');
    assert.doesNotMatch(s.lines.join('\n'), /opening it in your browser/, 'no display: no browser started');
  } finally {
    assert.equal(await s.stop(), 0, 'Ctrl+C ends it cleanly');
  }
});

test('with a display and xdg-open, the URL is opened in the default browser', { skip: process.platform !== 'linux' && 'xdg-open is the Linux opener' }, async () => {
  const bin = await mkdtemp(join(tmpdir(), 'lexer-xdg-'));
  const opened = join(bin, 'opened.txt');
  // A stand-in xdg-open that writes down what it was asked to open.
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  const s = await startWithoutElectron({ DISPLAY: ':99', PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` });
  try {
    assert.match(s.lines.at(-1)!, /opening it in your browser/);
    for (let i = 0; i < 100 && !existsSync(opened); i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(readFileSync(opened, 'utf8'), s.url);
  } finally {
    await s.stop();
    await rm(bin, { recursive: true, force: true });
  }
});
