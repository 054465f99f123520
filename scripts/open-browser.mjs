// Opens a URL in the default browser when there is one to open it in, and otherwise does
// nothing (the URL is printed anyway). Not the `open` package: on Linux it falls back to its own
// copy of xdg-open even without a display, and xdg-open without one may start a text-mode
// browser inside the terminal that `npm start` is using (over SSH, say).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The command that opens `url` here, or null when there is none (no display, no xdg-open). */
export function browserCommand(url, env = process.env, platform = process.platform) {
  if (platform === 'darwin') return ['open', [url]];
  // rundll32 hands the URL to the default browser without cmd.exe, where `start` would split it at `&`.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  const onPath = (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'xdg-open')));
  return onPath ? ['xdg-open', [url]] : null;
}

/** Starts the browser on `url` without waiting for it; answers whether it tried. */
export function openBrowser(url, env = process.env) {
  const command = browserCommand(url, env);
  if (!command) return false;
  const child = spawn(command[0], command[1], { detached: true, stdio: 'ignore', env });
  child.on('error', () => undefined); // a missing or broken opener: the printed URL still works
  child.unref();
  return true;
}
