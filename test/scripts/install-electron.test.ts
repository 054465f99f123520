// `npm ci`'s postinstall step (scripts/install-electron.mjs) with a stand-in electron package:
// a failed download ends the install with one plain line and success; a working one is silent.
// electron's own install script is turned off in allowScripts, so this
// step is the only one that runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts', 'install-electron.mjs');

/** A node_modules/electron whose install.js behaves as `installJs` says. */
async function standInElectron(installJs: string) {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-install-electron-'));
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'install.js'), installJs);
  const run = (env: NodeJS.ProcessEnv = {}) => {
    const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...rest } = process.env;
    return spawnSync(process.execPath, [SCRIPT, electron], { encoding: 'utf8', env: { ...rest, ...env } });
  };
  return { electron, reasonFile: join(dir, 'node_modules', '.cache', 'lexer-uploader', 'electron-install.txt'), run, done: () => rm(dir, { recursive: true, force: true }) };
}

// What electron's install.js prints where GitHub cannot be reached: err.stack, then exit 1.
const OFFLINE = `console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest.<anonymous> (/x/got/index.js:970:111)\\n    at emitErrorEvent (node:_http_client:101:11)'); process.exit(1);`;
const ONLINE = `const fs = require('fs'); fs.mkdirSync('dist'); fs.writeFileSync('dist/electron', ''); fs.writeFileSync('path.txt', 'electron');`;

test('package.json turns electron’s own install script off and runs ours after install', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; allowScripts: Record<string, boolean> };
  assert.equal(pkg.allowScripts.electron, false);
  assert.equal(pkg.scripts.postinstall, 'node scripts/install-electron.mjs');
});

test('a download that fails ends the install with success and one plain line saying why', async () => {
  const e = await standInElectron(OFFLINE);
  try {
    const r = e.run();
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1, r.stdout);
    assert.match(lines[0]!, /desktop window is unavailable: Electron's binary could not be downloaded \(getaddrinfo ENOTFOUND github\.com\); `npm start` opens the app in your browser instead/);
    assert.equal(readFileSync(e.reasonFile, 'utf8').trim(), 'its download failed during npm ci: getaddrinfo ENOTFOUND github.com', 'kept for npm start to say why');
  } finally {
    await e.done();
  }
});

test('ELECTRON_SKIP_BINARY_DOWNLOAD skips the download with one line', async () => {
  const e = await standInElectron(OFFLINE);
  try {
    const r = e.run({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    assert.equal(r.status, 0);
    assert.match(r.stdout.trim(), /^lexer-uploader: the desktop window is unavailable: ELECTRON_SKIP_BINARY_DOWNLOAD is set/);
    assert.equal(r.stdout.trim().split('\n').length, 1);
  } finally {
    await e.done();
  }
});

test('a download that works installs the binary where electron puts it, silently', async () => {
  const e = await standInElectron(ONLINE);
  try {
    mkdirSync(join(e.reasonFile, '..'), { recursive: true });
    writeFileSync(e.reasonFile, 'an old failure\n');
    const r = e.run();
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    assert.ok(existsSync(join(e.electron, 'dist', 'electron')));
    assert.equal(existsSync(e.reasonFile), false, 'an old reason is forgotten');
  } finally {
    await e.done();
  }
});
