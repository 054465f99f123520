/**
 * Creates the one window and locks it down: new windows denied (allow-listed https links go to
 * the system browser instead), navigation away from the app blocked, every permission denied but
 * the one the app uses. Electron's pieces are passed in so tests can use a fake.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, Shell } from 'electron';
import { isAllowedExternalUrl } from '../services/shell/external-links.js';
import { APP_ORIGIN, APP_URL, mainWindowOptions } from './window-options.js';

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  preloadPath: string;
  /** Whether the window may open developer tools (development only, issue 7 defect 7). */
  devTools: boolean;
  /** Called when the page cannot be loaded (a blank window is no app). */
  onLoadFailed: (error: Error) => void;
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

/**
 * The one permission the page may have: `clipboard-sanitized-write`, which
 * `navigator.clipboard.writeText` needs (History's Copy). Electron's session docs list it for both
 * the request and the check handler, and most web APIs check first, then request, so both allow it.
 */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/** Whether the app's own page may use `permission` (asked from `url`, a URL or an origin). */
export function isPermissionAllowed(permission: string, url: string | undefined): boolean {
  return permission === ALLOWED_PERMISSION && url !== undefined && isAppUrl(url);
}

/** Denies every permission (camera, notifications from the page, geolocation...) except clipboard writes from the app's own page. */
export function lockPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(details.isMainFrame && isPermissionAllowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
}

/** Creates the main window, applies the guards and loads the renderer. */
export function createWindow(d: WindowDeps): BrowserWindow {
  const win = new d.BrowserWindow(mainWindowOptions(d.preloadPath, { devTools: d.devTools }));
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
  lockPermissions(wc.session);
  win.once('ready-to-show', () => win.show());
  win.loadURL(d.url ?? APP_URL).catch((error: Error & { code?: string }) => {
    // ERR_ABORTED only says another navigation replaced this one (e.g. a reload): not a failure.
    if (error.code !== 'ERR_ABORTED') d.onLoadFailed(error);
  });
  return win;
}
