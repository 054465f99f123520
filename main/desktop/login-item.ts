/**
 * "Start at login" (Settings). macOS and Windows keep the login item themselves
 * (`app.setLoginItemSettings`); Electron has none for Linux, where the freedesktop way is a
 * `.desktop` file in ~/.config/autostart. Started at login the app gets `--hidden`: with watched
 * folders active it opens no window, only its tray icon.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';

/** The argument a start at login carries. */
export const HIDDEN_ARG = '--hidden';

export interface LoginItemDeps {
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  /** The program to start (on Linux: the AppImage when run from one, else the executable). */
  executable: string;
  env: NodeJS.ProcessEnv;
}

/** The autostart entry's path on Linux. */
export function autostartFile(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
  return join(config, 'autostart', 'lexer-uploader.desktop');
}

/** The autostart entry's text (the Exec path quoted as the desktop-entry spec asks). */
export function autostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Lexer Uploader', `Exec=${quoted} ${HIDDEN_ARG}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

/** Reads and sets the login item for this platform. */
export function loginItem(d: LoginItemDeps): { get(): boolean; set(openAtLogin: boolean): void } {
  if (d.platform === 'linux') {
    const file = autostartFile(d.env);
    return {
      get: () => statSync(file, { throwIfNoEntry: false })?.isFile() === true,
      set(on) {
        if (!on) return void rmSync(file, { force: true });
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, autostartEntry(d.executable), { mode: 0o644 });
      },
    };
  }
  // Windows answers openAtLogin only for the same arguments it was set with.
  return {
    get: () => d.app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin,
    set: (on) => d.app.setLoginItemSettings({ openAtLogin: on, args: [HIDDEN_ARG] }),
  };
}
