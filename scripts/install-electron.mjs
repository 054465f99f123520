// `npm ci`'s postinstall step: runs Electron's own installer (node_modules/electron/install.js,
// which downloads the binary from GitHub) and tolerates its failure. package.json's allowScripts
// turns electron's install script off, so a machine that cannot reach GitHub (offline mirror,
// corporate proxy, this project's CI) still finishes `npm ci`, with one plain line saying the
// desktop window is unavailable and why; `npm start` then serves the app in a browser instead.
// Where the download works, the binary lands where electron's own script puts it
// (node_modules/electron/dist, path.txt), so electron-builder and Playwright find it as before.
// Run `npm run install-electron` to try the download again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const electronDir = resolve(process.argv[2] ?? 'node_modules/electron');
// Where `npm start` reads why the window is unavailable (scripts/start.mjs).
const REASON_FILE = resolve(electronDir, '..', '.cache', 'lexer-uploader', 'electron-install.txt');
// Long enough for a slow link to fetch ~100 MB; a firewall that swallows packets must not hang npm ci for ever.
const TIMEOUT_MS = Number(process.env.LEXER_ELECTRON_INSTALL_TIMEOUT_MS) || 15 * 60_000;
/** Prints the one line; `short` (why the binary is missing) is kept for `npm start` to repeat. */
const say = (why, short) => {
  try {
    mkdirSync(dirname(REASON_FILE), { recursive: true });
    writeFileSync(REASON_FILE, `${short}\n`);
  } catch {
    // only a nicer message for npm start; the line below says it all
  }
  console.log(`lexer-uploader: the desktop window is unavailable: ${why}; \`npm start\` opens the app in your browser instead (\`npm run install-electron\` tries the download again).`);
};

/** Whether electron's package has its binary (what `require('electron')` checks). */
function installed() {
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/** The one line of the installer's output that says why (its first `...Error: ...` line), credentials removed. */
function reason(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /^[\w.]*Error\b/.test(l)) ?? lines.find((l) => !l.startsWith('at ')) ?? 'no reason given';
  return error.replace(/^[\w.]*Error:\s*/, '').replace(/\/\/[^/@\s]+@/g, '//').slice(0, 200);
}

if (!existsSync(join(electronDir, 'install.js'))) {
  // Installed without dev dependencies (`npm ci --omit=dev`): the command line tool only.
  process.exit(0);
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say('ELECTRON_SKIP_BINARY_DOWNLOAD is set, so Electron was not downloaded', 'its download was skipped: ELECTRON_SKIP_BINARY_DOWNLOAD was set during npm ci');
  process.exit(0);
}
const done = () => {
  rmSync(REASON_FILE, { force: true });
  process.exit(0);
};
if (installed()) done();

const run = spawnSync(process.execPath, ['install.js'], { cwd: electronDir, encoding: 'utf8', timeout: TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
if (run.status === 0 && installed()) done();
const why = run.error?.code === 'ETIMEDOUT'
  ? `the download did not finish within ${Math.round(TIMEOUT_MS / 60_000)} minutes`
  : reason(`${run.stderr ?? ''}\n${run.stdout ?? ''}`);
say(`Electron's binary could not be downloaded (${why})`, `its download failed during npm ci: ${why}`);
process.exit(0);
