/**
 * Creates the one window and locks it down with the security modules (main/desktop/security/):
 * new windows denied (allow-listed https links go to the system browser instead), navigation
 * away from the app blocked, every permission denied but the one the app uses. Electron's pieces
 * are passed in so tests can use a fake.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Shell } from 'electron';
import { sendNewWindowsOutside } from './security/external-links.js';
import { keepOnAppPages } from './security/navigation.js';
import { lockPermissions } from './security/permissions.js';
import { APP_URL, mainWindowOptions } from './window-options.js';

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  preloadPath: string;
  /** Whether the window may open developer tools: only when run from the sources, never in a packaged app. */
  devTools: boolean;
  /** Called when the page cannot be loaded (a blank window is no app). */
  onLoadFailed: (error: Error) => void;
  url?: string;
}

/** Creates the main window, applies the guards and loads the renderer. */
export function createWindow(d: WindowDeps): BrowserWindow {
  const win = new d.BrowserWindow(mainWindowOptions(d.preloadPath, { devTools: d.devTools }));
  const wc = win.webContents;
  sendNewWindowsOutside(wc, d.shell);
  keepOnAppPages(wc);
  lockPermissions(wc.session);
  win.once('ready-to-show', () => win.show());
  win.loadURL(d.url ?? APP_URL).catch((error: Error & { code?: string }) => {
    // ERR_ABORTED only says another navigation replaced this one (e.g. a reload): not a failure.
    if (error.code !== 'ERR_ABORTED') d.onLoadFailed(error);
  });
  return win;
}
