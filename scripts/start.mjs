// `npm start` (after `npm run build`): the desktop window where Electron's binary is installed;
// where it is not (its download failed or was skipped during `npm ci`) or there is no display,
// one line says why and the same app is served to the browser by the browser host
// (`lexer-upload ui`), whose one-time address is printed alone on its line and opened in the
// default browser when there is one (through a private page: the address never goes on a command line).
// It runs until Ctrl+C. No stack trace either way.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { openBrowser } from './open-browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const ELECTRON_PACKAGE = join(ROOT, 'node_modules', 'electron');
const CLI = join(ROOT, 'dist', 'main', 'cli', 'bin.js');

/** Electron's executable as `require('electron')` finds it (ELECTRON_OVERRIDE_DIST_PATH included), or null. */
function electronBinary() {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || (name ? join(ELECTRON_PACKAGE, 'dist') : null);
  if (!dist) return null;
  const binary = join(dist, name ?? 'electron');
  return existsSync(binary) ? binary : null;
}

/** Why there is no desktop window here, or null when there can be one. */
function windowUnavailable() {
  if (!electronBinary()) {
    const reasonFile = join(ROOT, 'node_modules', '.cache', 'lexer-uploader', 'electron-install.txt');
    const why = existsSync(reasonFile) ? readFileSync(reasonFile, 'utf8').trim() : 'its download was skipped or failed during npm ci';
    return `Electron's binary is not installed (${why})`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  return null;
}

/** Runs `command` in the foreground; Ctrl+C and SIGTERM go to it, and its exit code becomes ours. */
function runForwardingSignals(command, args, options) {
  const child = spawn(command, args, options);
  // Ctrl+C in a terminal reaches the child too (same process group); a signal sent to this
  // process alone does not. Forward only if the child is still running a moment later, so a
  // Ctrl+C is not delivered twice (a second one means "stop now, do not clean up").
  const forward = (signal) =>
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    }, 500);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`Lexer Uploader: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
  return child;
}

if (!existsSync(CLI)) {
  console.error('Lexer Uploader: the app is not built yet; run `npm start` (it builds first) or `npm run build`.');
  process.exit(1);
}

const why = windowUnavailable();
if (why === null) {
  runForwardingSignals(electronBinary(), [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
} else {
  console.log(`Lexer Uploader: the desktop window is unavailable: ${why}. Serving the app to your browser instead.`);
  // The browser host prints one JSON line {"url", "launchFile"} when it is ready. The browser is
  // opened on the private page (its path is no secret); the address itself goes only to this
  // terminal, alone on its line so a click or a copy takes exactly it.
  const host = runForwardingSignals(process.execPath, [CLI, 'ui', '--launch-file'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let shown = false;
  createInterface({ input: host.stdout }).on('line', (line) => {
    let ready = null;
    try {
      ready = shown ? null : JSON.parse(line);
    } catch {
      // not the ready line
    }
    if (typeof ready?.url !== 'string') return console.log(line);
    shown = true;
    const opened = typeof ready.launchFile === 'string' && openBrowser(ready.launchFile);
    console.log(opened
      ? 'Lexer Uploader is running and opening in your browser. If it does not open, open this address (it works once):'
      : 'Lexer Uploader is running. Open this address in your browser (it works once):');
    console.log(ready.url);
    console.log('Press Ctrl+C to stop it.');
  });
}
