// Opens a page in the default browser when there is one to open it in, and otherwise does
// nothing (the address is printed anyway). Not the `open` package: on Linux it falls back to its
// own copy of xdg-open even without a display, and xdg-open without one may start a text-mode
// browser inside the terminal that `npm start` is using (over SSH, say).
//
// What is opened is a file's path, never the one-time address: a command line is readable by
// every user of the computer (/proc/PID/cmdline, `ps`), and whoever trades the code first holds
// the session. The opener gets only the environment it needs to find the desktop, never a token.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Variables an opener needs (finding the desktop, the user's browser and locale); everything else stays behind. */
const OPENER_VARIABLES = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_\w+|TZ|TMPDIR|TEMP|TMP|DISPLAY|WAYLAND_DISPLAY|XAUTHORITY|XDG_\w+|DBUS_SESSION_BUS_ADDRESS|DESKTOP_SESSION|BROWSER|KDE_FULL_SESSION|KDE_SESSION_VERSION|GNOME_DESKTOP_SESSION_ID|SystemRoot|SYSTEMROOT|windir|WINDIR|ComSpec|COMSPEC|PATHEXT|USERPROFILE|APPDATA|LOCALAPPDATA|ProgramData|ProgramFiles|PROGRAMFILES|HOMEDRIVE|HOMEPATH)$/;
/** Never handed on, whatever the name above says. */
const SECRET_NAME = /TOKEN|SECRET|PASSW|KEY|CREDENTIAL|AUTH/i;

/** The environment an opener gets: the desktop's variables from `env`, no secret. */
export function openerEnvironment(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([name, value]) => value !== undefined && OPENER_VARIABLES.test(name) && !SECRET_NAME.test(name)));
}

/** The command that opens `target` (a file's path) here, or null when there is none (no display, no xdg-open). */
export function browserCommand(target, env = process.env, platform = process.platform) {
  if (platform === 'darwin') return ['open', [target]];
  // rundll32 hands the file to its default program without cmd.exe, which would split at `&`.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', target]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  const onPath = (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'xdg-open')));
  return onPath ? ['xdg-open', [target]] : null;
}

/** Starts the browser on the page at `file` without waiting for it; answers whether it tried. */
export function openBrowser(file, env = process.env) {
  const command = browserCommand(file, env);
  if (!command) return false;
  const child = spawn(command[0], command[1], { detached: true, stdio: 'ignore', env: openerEnvironment(env) });
  child.on('error', () => undefined); // a missing or broken opener: the printed address still works
  child.unref();
  return true;
}
