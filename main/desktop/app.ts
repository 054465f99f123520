/**
 * The Electron entry (package.json "main"): single instance, the app:// protocol, the window,
 * the IPC wiring and the desktop shell around uploads. Only wiring lives here; the work is
 * in main/services/ (services) and the engine, which never import electron.
 *
 * Startup runs in this order, and every step that can fail ends in one dialog and a non-zero
 * exit, never a live process without a window that holds the single-instance lock:
 * 1. before `ready`: the profile folder (LEXER_UPLOAD_USER_DATA_DIR), the lock, the app://
 *    scheme (Electron requires `registerSchemesAsPrivileged` before `ready`);
 * 2. on `ready`: the protocol handler, permissions, menu, token vault, services, IPC, shell;
 * 3. only then the window; a second launch's `second-instance` waits for step 2 too.
 */
import { BrowserWindow, Menu, Notification, app, dialog, ipcMain, powerSaveBlocker, protocol, safeStorage, session, shell } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, type AppServices } from '../services/create-app-services.js';
import { proxyUrlFromPac } from './proxy-from-pac.js';
import { rendererDir } from '../services/page/renderer-files.js';
import { createSessionVault } from '../engine/vault/session-vault.js';
import { handleAppProtocol, registerAppScheme } from './security/app-protocol.js';
import { openAllowedLink } from './security/external-links.js';
import { refuseWebviews } from './security/navigation.js';
import { lockPermissions } from './security/permissions.js';
import { openAppVault, type TokenMigration } from './app-token-vault.js';
import { createSafeStorageSecrets } from './safe-storage-secrets.js';
import { setupIpc } from './ipc.js';
import { menuTemplate } from './menu.js';
import { setupQuitGuard, type QuitGuard } from './quit-guard.js';
import { setupShellActivity } from './shell-activity.js';
import { startupFailure } from './startup-failure.js';
import { prepareUserDataDir } from './user-data-dir.js';
import { createWindow } from './window.js';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../../preload/preload.cjs');
// Developer tools, reload and the like only when running from the sources (`npm start`).
const devTools = !app.isPackaged;
let win: BrowserWindow | null = null;
let activeUploads = 0;
let quitGuard: QuitGuard | null = null;
let failed = false;

const openLink = (url: string): void => openAllowedLink(shell, url);

/** Says what went wrong in one dialog, then quits with a non-zero code (the lock goes with the process). */
function fail(error: unknown, folder: string | null = safeUserDataPath()): void {
  if (failed) return;
  failed = true;
  const { title, content } = startupFailure(error, folder);
  dialog.showErrorBox(title, content);
  app.exit(1);
}

function safeUserDataPath(): string | null {
  try {
    return app.getPath('userData');
  } catch {
    return null;
  }
}

/** Builds the services on the userData folder with the token vault of this system. */
async function startServices(): Promise<{ services: AppServices; migration: TokenMigration | null }> {
  const userData = app.getPath('userData');
  // safeStorage only works after `ready`; openAppVault looks at both the encrypted and the plain file.
  const { vault, migration } = await openAppVault(safeStorage, userData);
  const services = await createAppServices({
    userDataDir: userData,
    vault,
    sessionVault: createSessionVault(),
    secrets: createSafeStorageSecrets(safeStorage, userData),
    envApiUrl: process.env.LEXER_API_URL ?? null,
    resolveProxy: async (url) => proxyUrlFromPac(await session.defaultSession.resolveProxy(url)),
    openExternal: (url) => shell.openExternal(url),
    // The watched folders' "Choose…".
    chooseFolder: async () => {
      const options = { title: 'Choose a folder to watch', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  });
  return { services, migration };
}

function showWindow(): BrowserWindow {
  if (win && !win.isDestroyed()) return win;
  const created = createWindow({ BrowserWindow, shell, preloadPath, devTools, onLoadFailed: fail });
  win = created;
  quitGuard?.guardWindow(created);
  created.on('closed', () => {
    if (win === created) win = null;
  });
  return created;
}

function focusWindow(): void {
  const w = showWindow();
  if (w.isMinimized()) w.restore();
  w.focus();
}

/** Everything between `ready` and the first window. */
async function setup(): Promise<void> {
  handleAppProtocol(protocol, rendererDir(import.meta.url));
  lockPermissions(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, openLink, { devTools })));
  const { services, migration } = await startServices();
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
  quitGuard = setupQuitGuard({ app, dialog, window: () => win, activeUploads: () => activeUploads, stopAll: () => services.dispose() });
  const first = showWindow();
  if (migration) {
    // Said once, over the window, so the person knows where the token went and that the plain file is gone.
    first.once('ready-to-show', () => {
      void dialog.showMessageBox(first, { type: 'info', title: 'Lexer Uploader', message: 'Your saved API token was moved.', detail: migration.message });
    });
  }
}

/** Resolves once setup has finished (true) or failed (false): windows are created or focused only after it. */
let setupDone: Promise<boolean> = Promise.resolve(false);
let profileError: { error: unknown; folder: string } | null = null;

// A separate profile (tests, a portable install): must be set before anything reads userData,
// and Electron's setPath throws on a relative or missing folder.
const profile = process.env.LEXER_UPLOAD_USER_DATA_DIR;
if (profile) {
  try {
    app.setPath('userData', prepareUserDataDir(profile));
  } catch (error) {
    profileError = { error, folder: resolve(profile) }; // reported by the dialog once the app is ready
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  // No web contents the app makes (developer tools included) may attach a webview.
  app.on('web-contents-created', (_e, contents) => refuseWebviews(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  setupDone = app.whenReady()
    .then(async () => {
      if (profileError !== null) {
        fail(profileError.error, profileError.folder);
        return false;
      }
      await setup();
      return !failed;
    })
    .catch((error: unknown) => {
      fail(error);
      return false;
    });
  // A second launch can arrive after `ready` but before the services and IPC exist: wait for them.
  app.on('second-instance', () => {
    void setupDone.then((ok) => {
      if (ok) focusWindow();
    });
  });
  app.on('activate', () => {
    void setupDone.then((ok) => {
      if (ok) showWindow();
    });
  });
}
