/**
 * The Electron entry (package.json "main"): single instance, the app:// protocol, the window,
 * the IPC wiring and the desktop shell around uploads. Only wiring lives here; the work is
 * in main/services/ (services) and the engine, which never import electron.
 *
 * Startup runs in this order, and every step that can fail ends in one dialog and a non-zero
 * exit, never a live process without a window that holds the single-instance lock:
 * 1. before `ready`: the profile folder (LEXER_UPLOAD_USER_DATA_DIR), the Windows app id, the
 *    lock, the app:// scheme (Electron requires `registerSchemesAsPrivileged` before `ready`) and
 *    `open-file` (macOS sends the files a launch opens before `ready`);
 * 2. on `ready`: the protocol handler, permissions, menu, token vault, services, IPC, shell;
 * 3. only then the window; a second launch's `second-instance` waits for step 2 too.
 */
import { BrowserWindow, Menu, Notification, Tray, app, dialog, ipcMain, nativeImage, powerSaveBlocker, protocol, safeStorage, session, shell, type NativeImage } from 'electron';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, type AppServices } from '../services/create-app-services.js';
import { setValidationThreads } from '../engine/pipeline/validation/thread-policy.js';
import { proxyUrlFromPac } from './proxy-from-pac.js';
import { rendererDir } from '../services/page/renderer-files.js';
import { createSessionVault } from '../engine/vault/session-vault.js';
import { handleAppProtocol, registerAppScheme } from './security/app-protocol.js';
import { openAllowedLink } from './security/external-links.js';
import { refuseWebviews } from './security/navigation.js';
import { lockPermissions } from './security/permissions.js';
import { openAppLog, type AppLog } from './app-log.js';
import { openAppVault, type TokenMigration } from './app-token-vault.js';
import { createSafeStorageSecrets } from './safe-storage-secrets.js';
import { setupDesktopShell, type DesktopShell } from './desktop-shell.js';
import { setupIpc } from './ipc.js';
import { HIDDEN_ARG, loginItem } from './login-item.js';
import { menuTemplate } from './menu.js';
import { openedPaths } from './opened-paths.js';
import { startupFailure } from './startup-failure.js';
import { updateSource, type Updater } from './updates.js';
import { prepareUserDataDir } from './user-data-dir.js';
import { createWindow } from './window.js';
import { recoverCrashedPage } from './window-recovery.js';

/** electron-builder.yml's appId: Windows ties notifications and pinned icons to the Start-menu shortcut by it. */
export const APP_ID = 'io.lexer.uploader';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../../preload/preload.cjs');
const trayDir = join(here, '../../assets/tray');
// Developer tools, reload and the like only when running from the sources (`npm start`).
const devTools = !app.isPackaged;
let win: BrowserWindow | null = null;
let services: AppServices | null = null;
let shellParts: DesktopShell | null = null;
let log: AppLog | null = null;
let failed = false;
/** A launch's arguments with the program first: run from the sources (`electron .`), the app's folder comes second and is no file to open. */
const launchArgs = (argv: readonly string[]): readonly string[] => (process.defaultApp ? argv.slice(1) : argv);
// Files a launch asked to open before the services could take them.
let early: string[] = openedPaths(launchArgs(process.argv), process.cwd());
// Notifications are kept until closed or clicked: one collected earlier loses its click.
const liveNotices = new Set<Notification>();

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
  const created = await createAppServices({
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
    loginItem: loginItem({ app, platform: process.platform, executable: process.env.APPIMAGE ?? process.execPath, env: process.env }),
  });
  return { services: created, migration };
}

function showWindow(): BrowserWindow {
  if (win && !win.isDestroyed()) return win;
  const created = createWindow({ BrowserWindow, shell, preloadPath, devTools, onLoadFailed: fail });
  win = created;
  shellParts?.quitGuard.guardWindow(created);
  shellParts?.background.leave();
  recoverCrashedPage(created, { dialog, log: (m) => log?.error(m) });
  created.on('closed', () => {
    if (win === created) win = null;
  });
  return created;
}

/**
 * The tray icon, 16 px and its @2x. Read through Electron's fs, which reads inside app.asar:
 * nativeImage's own file reading does not on every platform.
 */
function trayImage(): NativeImage {
  const image = nativeImage.createFromBuffer(readFileSync(join(trayDir, 'tray.png')), { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: readFileSync(join(trayDir, 'tray@2x.png')) });
  return image;
}

function focusWindow(): void {
  const w = showWindow();
  if (w.isMinimized()) w.restore();
  w.focus();
}

function notify(options: Electron.NotificationConstructorOptions, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const notice = new Notification(options);
  liveNotices.add(notice);
  notice.on('click', () => {
    liveNotices.delete(notice);
    onClick();
  });
  notice.on('close', () => liveNotices.delete(notice));
  notice.show();
}

/** Files the system asked the app to open: cards in the window (queued until the services run). */
function openFiles(paths: readonly string[]): void {
  if (paths.length === 0) return;
  if (!services) {
    early = [...new Set([...early, ...paths])];
    return;
  }
  services.windowRequests.addFiles(paths);
  focusWindow();
}

/** Everything between `ready` and the first window. */
async function setup(): Promise<void> {
  const userData = app.getPath('userData');
  const appLog = openAppLog(userData);
  log = appLog;
  // The window's thread must stay free: records are checked on worker threads only, and a worker
  // that cannot start is an error on the card and in this log.
  setValidationThreads({ threads: 'workers-only', onWorkerFailure: (e) => appLog.error(`A validation worker could not run: ${e.message}`) });
  handleAppProtocol(protocol, rendererDir(import.meta.url));
  lockPermissions(session.defaultSession);
  const started = await startServices();
  services = started.services;
  setupIpc({ ipcMain, services: started.services, contents: () => (win && !win.isDestroyed() ? win.webContents : null) });
  shellParts = await setupDesktopShell({
    app, dialog, powerSaveBlocker, notify, services: started.services, userDataDir: userData, log: appLog, platform: process.platform,
    createTray: () => new Tray(trayImage()),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    window: () => win,
    focusWindow,
    updateSource: updateSource({ isPackaged: app.isPackaged, platform: process.platform, resourcesPath: process.resourcesPath, env: process.env }),
    loadUpdater: async () => (await import('electron-updater')).default.autoUpdater as unknown as Updater,
  });
  const { updates, background } = shellParts;
  const checkForUpdates = () => void updates.checkNow().then((message) => {
    const options = { type: 'info' as const, title: 'Updates', message };
    void (win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, openLink, { devTools, checkForUpdates })));
  const waiting = early;
  early = [];
  if (waiting.length > 0) started.services.windowRequests.addFiles(waiting);
  // Started at login with watched folders to run: the tray icon only, no window.
  if (process.argv.includes(HIDDEN_ARG) && waiting.length === 0 && background.keepsRunning()) return background.enter();
  const first = showWindow();
  if (started.migration) {
    const { migration } = started;
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
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  // macOS: "Open with", a double-click or a drop on the dock icon; registered before `ready`,
  // when a launch's own files arrive.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  // No web contents the app makes (developer tools included) may attach a webview.
  app.on('web-contents-created', (_e, contents) => refuseWebviews(contents));
  app.on('window-all-closed', () => {
    if (process.platform === 'darwin') return;
    // Watched folders keep running in the tray; otherwise closing the last window quits.
    if (shellParts?.background.keepsRunning()) shellParts.background.enter();
    else app.quit();
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
  // Its arguments may name files to open ("Open with" on Windows and Linux).
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = openedPaths(launchArgs(argv), workingDirectory);
    void setupDone.then((ok) => {
      if (!ok) return;
      if (paths.length > 0) openFiles(paths);
      else focusWindow();
    });
  });
  app.on('activate', () => {
    void setupDone.then((ok) => {
      if (ok) showWindow();
    });
  });
}
