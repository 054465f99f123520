/**
 * The Electron entry (package.json "main"): single instance, the app:// protocol, the window,
 * the IPC wiring and the desktop shell around uploads. Only wiring lives here; the work is
 * in main/app/ (services) and the engine, which never import electron.
 */
import { BrowserWindow, Menu, Notification, app, dialog, ipcMain, powerSaveBlocker, protocol, safeStorage, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, type AppServices } from '../app/create-app-services.js';
import { isAllowedExternalUrl } from '../app/external-links.js';
import { proxyUrlFromPac } from '../app/proxy-from-pac.js';
import { rendererDir } from '../app/renderer-files.js';
import { createFileVault } from '../vault/file-vault.js';
import { createSessionVault } from '../vault/session-vault.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { setupIpc } from './ipc.js';
import { menuTemplate } from './menu.js';
import { setupQuitGuard } from './quit-guard.js';
import { createSafeStorageVault } from './safe-storage-vault.js';
import { setupShellActivity } from './shell-activity.js';
import { createWindow, denyAllPermissions } from './window.js';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../../preload/preload.cjs');
let win: BrowserWindow | null = null;
let activeUploads = 0;

const openLink = (url: string): void => {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
};

/** Builds the services on the userData folder with the safest token vault this system has. */
async function startServices(): Promise<AppServices> {
  const userData = app.getPath('userData');
  // safeStorage only works after `ready`; without any encryption (rare) fall back to the 0600 file.
  const vault = safeStorage.isEncryptionAvailable() ? createSafeStorageVault(safeStorage, userData) : createFileVault(userData);
  return createAppServices({
    userDataDir: userData,
    vault,
    sessionVault: createSessionVault(),
    envApiUrl: process.env.LEXER_API_URL ?? null,
    resolveProxy: async (url) => proxyUrlFromPac(await session.defaultSession.resolveProxy(url)),
    openExternal: (url) => shell.openExternal(url),
  });
}

function showWindow(): BrowserWindow {
  if (win && !win.isDestroyed()) return win;
  win = createWindow({ BrowserWindow, shell, preloadPath });
  win.on('closed', () => {
    win = null;
  });
  return win;
}

// A separate profile (tests, a portable install): must be set before anything reads userData.
if (process.env.LEXER_UPLOAD_USER_DATA_DIR) app.setPath('userData', process.env.LEXER_UPLOAD_USER_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  app.on('second-instance', () => {
    const w = showWindow();
    if (w.isMinimized()) w.restore();
    w.focus();
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(async () => {
    handleAppProtocol(protocol, rendererDir(import.meta.url));
    denyAllPermissions(session.defaultSession);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, openLink)));
    const services = await startServices();
    services.events.on('activity', (a) => {
      activeUploads = a.activeUploads;
    });
    setupIpc({ ipcMain, services, contents: () => (win && !win.isDestroyed() ? win.webContents : null) });
    setupShellActivity({
      events: services.events,
      window: () => win,
      powerSaveBlocker,
      notify: (options) => {
        if (Notification.isSupported()) new Notification(options).show();
      },
    });
    setupQuitGuard({ app, dialog, window: () => win, activeUploads: () => activeUploads, stopAll: () => services.dispose() });
    showWindow();
    app.on('activate', () => showWindow());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
