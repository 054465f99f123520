/**
 * Creates the one window and locks it down: new windows denied (allow-listed https links go to
 * the system browser instead), navigation away from the app blocked, every permission request
 * denied. Electron's pieces are passed in so tests can use a fake.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, Shell } from 'electron';
import { isAllowedExternalUrl } from '../app/external-links.js';
import { APP_ORIGIN, APP_URL, mainWindowOptions } from './window-options.js';

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  preloadPath: string;
  url?: string;
}

/** Whether a URL is one of the app's own pages. */
export function isAppUrl(url: string): boolean {
  try {
    // Node's URL gives custom schemes the opaque origin "null", so compare scheme and host.
    const u = new URL(url);
    const app = new URL(APP_ORIGIN);
    return u.protocol === app.protocol && u.host === app.host;
  } catch {
    return false;
  }
}

/** Denies every permission (camera, notifications from the page, geolocation...): the page needs none. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Creates the main window, applies the guards and loads the renderer. */
export function createWindow(d: WindowDeps): BrowserWindow {
  const win = new d.BrowserWindow(mainWindowOptions(d.preloadPath));
  const wc = win.webContents;
  wc.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void d.shell.openExternal(url);
    return { action: 'deny' };
  });
  wc.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  wc.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  denyAllPermissions(wc.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(d.url ?? APP_URL);
  return win;
}
