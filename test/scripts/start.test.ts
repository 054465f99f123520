// `npm start` where Electron's binary is absent (this machine and CI): one line says why, the
// browser host starts, its one-time address is printed once, alone on its line, and answers; the
// browser is opened when there is a display and an opener, through a private page, so the
// address is on no command line (a second local user looks for it in /proc) and the opener gets
// no token; Ctrl+C stops it cleanly. Needs `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createSecondUser, secondUserUnavailable } from '../helpers/second-user.js';

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
      if (/^http:\/\//.test(line)) resolveUrl(line);
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

test('without the Electron binary: one line why, the one address that works printed alone on its line, Ctrl+C stops it', async () => {
  assert.ok(existsSync(join(ROOT, 'dist/main/cli/bin.js')), 'run `npm run build` first');
  const s = await startWithoutElectron({ DISPLAY: '', WAYLAND_DISPLAY: '' });
  try {
    assert.match(s.lines[0]!, /^Lexer Uploader: the desktop window is unavailable: Electron's binary is not installed \(.+\)\. Serving the app to your browser instead\.$/);
    assert.equal(s.lines[1], 'Lexer Uploader is running. Open this address in your browser (it works once):');
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+$/, 'the address alone, no full stop taken into it');
    await new Promise((r) => setTimeout(r, 300));
    const everything = `${s.lines.join('\n')}\n${s.stderr()}`;
    assert.deepEqual(everything.match(/https?:\/\/\S+/g), [s.url], 'one address in all that is printed: the one that opens the app');
    const page = await fetch(s.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/i);
    assert.doesNotMatch(everything, /\n\s+at \S+ \(/, 'no stack trace');
    assert.doesNotMatch(everything, /opening in your browser/, 'no display: no browser started');
  } finally {
    assert.equal(await s.stop(), 0, 'Ctrl+C ends it cleanly');
  }
});

test('with a display and xdg-open, the browser opens a private page: the address is on no command line, and the opener gets no token', { skip: process.platform !== 'linux' && 'xdg-open is the Linux opener' }, async () => {
  const bin = await mkdtemp(join(tmpdir(), 'lexer-xdg-'));
  const out = (name: string) => join(bin, name);
  // A stand-in xdg-open that writes down what it was given, then stays a moment (a browser starting) so its command line can be read.
  writeFileSync(out('xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${out('args.txt')}'\nenv > '${out('env.txt')}'\ncat "$1" > '${out('page.txt')}'\nsleep 4\n`);
  chmodSync(out('xdg-open'), 0o755);
  const token = 'secret-token-in-the-environment-0123456789';
  const s = await startWithoutElectron({ DISPLAY: ':99', PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, LEXER_UPLOAD_API_TOKEN: token, SHOP_API_KEY: 'another-secret' });
  try {
    assert.equal(s.lines[1], 'Lexer Uploader is running and opening in your browser. If it does not open, open this address (it works once):');
    for (let i = 0; i < 100 && !existsSync(out('page.txt')); i++) await new Promise((r) => setTimeout(r, 50));
    const code = new URL(s.url).searchParams.get('code')!;
    const [launchFile, ...more] = readFileSync(out('args.txt'), 'utf8').trimEnd().split('\n');
    assert.deepEqual(more, [], 'one argument: the page');
    assert.ok(!launchFile!.includes(code) && !/^https?:/.test(launchFile!), `the opener was given ${launchFile}`);
    assert.equal(statSync(launchFile!).mode & 0o777, 0o600, 'the page is this user\'s alone');
    assert.ok(readFileSync(out('page.txt'), 'utf8').includes(s.url), 'the page opens the printed address');
    const env = readFileSync(out('env.txt'), 'utf8');
    assert.ok(!env.includes(token) && !env.includes('another-secret'), 'no token in the opener\'s environment');
    assert.match(env, /^DISPLAY=:99$/m, 'what it needs to find the desktop it has');

    const why = secondUserUnavailable();
    if (why) return void console.log(`# skipped the second-user probe: ${why}`);
    const other = await createSecondUser();
    try {
      // As another local user: every process's command line, and the page itself.
      // The code and the page's path reach the probe in its environment, so its own command line holds neither.
      const probe = await other.node(`
        const fs = require('fs');
        const lines = fs.readdirSync('/proc').filter((p) => /^\\d+$/.test(p) && Number(p) !== process.pid)
          .map((p) => { try { return fs.readFileSync('/proc/' + p + '/cmdline', 'utf8'); } catch { return ''; } });
        let page = 'readable';
        try { fs.readFileSync(process.env.PAGE); } catch (e) { page = e.code; }
        console.log(JSON.stringify({ withCode: lines.filter((l) => l.includes(process.env.CODE)).length, xdg: lines.some((l) => l.includes('xdg-open')), page }));`,
      { PATH: process.env.PATH ?? '', CODE: code, PAGE: launchFile! });
      const found = JSON.parse(probe.stdout) as { withCode: number; xdg: boolean; page: string };
      assert.ok(found.xdg, 'the opener was running while the probe looked');
      assert.equal(found.withCode, 0, 'no command line holds the one-time code');
      assert.equal(found.page, 'EACCES', 'another user cannot read the page');
    } finally {
      await other.remove();
    }
  } finally {
    await s.stop();
    await rm(bin, { recursive: true, force: true });
  }
});
