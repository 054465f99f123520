/**
 * The desktop around the window once the services run: notifications (a click focuses the
 * window), the tray when the window closes with watched folders active, the watched folders'
 * notices, the quit question, updates and starting at login. app.ts creates the windows; this
 * module decides what the desktop shows and when. Electron's pieces are passed in.
 */
import type { App, BrowserWindow, Dialog, Menu, MenuItemConstructorOptions, NotificationConstructorOptions, PowerSaveBlocker, Tray } from 'electron';
import type { AppServices } from '../services/create-app-services.js';
import type { AppLog } from './app-log.js';
import { setupBackground, type Background } from './background.js';
import { openDesktopPrefs } from './desktop-prefs.js';
import { setupFeedNotices } from './feed-notices.js';
import { setupQuitGuard, type QuitGuard } from './quit-guard.js';
import { setupShellActivity } from './shell-activity.js';
import { setupUpdates, type UpdateSource, type Updater, type Updates } from './updates.js';

export interface DesktopShellDeps {
  app: Pick<App, 'on' | 'quit'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  /** Shows a notification; a click runs `onClick`. */
  notify: (options: NotificationConstructorOptions, onClick: () => void) => void;
  createTray: () => Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  services: AppServices;
  userDataDir: string;
  log: AppLog;
  platform: NodeJS.Platform;
  window: () => BrowserWindow | null;
  focusWindow: () => void;
  updateSource: UpdateSource;
  loadUpdater: () => Promise<Updater>;
}

export interface DesktopShell {
  readonly background: Background;
  readonly quitGuard: QuitGuard;
  readonly updates: Updates;
}

/** Wires the desktop to the services' events; resolves once the watched folders' state is known. */
export async function setupDesktopShell(d: DesktopShellDeps): Promise<DesktopShell> {
  const { services } = d;
  let active = { uploads: 0, fromFeeds: 0 };
  const activityListeners: Array<() => void> = [];
  services.events.on('activity', (a) => {
    active = { uploads: a.activeUploads, fromFeeds: a.feedUploads ?? 0 };
    for (const l of activityListeners) l();
  });
  const focusThen = (after?: () => void) => () => {
    d.focusWindow();
    after?.();
  };

  setupShellActivity({ events: services.events, window: d.window, powerSaveBlocker: d.powerSaveBlocker, notify: (o) => d.notify(o, focusThen()) });
  const prefs = openDesktopPrefs(d.userDataDir);
  const background = setupBackground({
    platform: d.platform,
    createTray: d.createTray,
    buildMenu: d.buildMenu,
    openWindow: d.focusWindow,
    quit: () => d.app.quit(),
    setPaused: (id, paused) => services.handlers['feeds:set-paused'](id, paused),
    notify: (o) => d.notify(o, focusThen()),
    noticeShown: prefs.backgroundNoticeShown,
    markNoticeShown: prefs.markBackgroundNoticeShown,
  });
  services.events.on('feeds:changed', (overview) => background.feedsChanged(overview));
  // Known before the first window: a start at login opens none while folders are watched.
  const listed = await services.handlers['feeds:list']();
  if (listed.ok) background.feedsChanged(listed.value);
  setupFeedNotices({
    events: services.events,
    notify: d.notify,
    openFeed: (feedId) => focusThen(() => services.windowRequests.show({ screen: 'feeds', feedId }))(),
  });
  const quitGuard = setupQuitGuard({
    app: d.app,
    dialog: d.dialog,
    window: d.window,
    activeUploads: () => active.uploads,
    feedUploads: () => active.fromFeeds,
    keepsRunning: background.keepsRunning,
    stopAll: () => services.dispose(),
  });
  const updates = setupUpdates({
    source: d.updateSource,
    load: d.loadUpdater,
    activeUploads: () => active.uploads,
    onActivity: (l) => void activityListeners.push(l),
    askRestart: async (version) => {
      const win = d.window();
      const question = {
        type: 'info' as const,
        buttons: ['Restart now', 'Later'],
        defaultId: 0,
        cancelId: 1,
        title: 'Update ready',
        message: `Lexer Uploader ${version} is ready to install.`,
        detail: 'Restart now to use it, or it is installed the next time you quit. Watched folders carry on after the restart.',
      };
      const { response } = await (win && !win.isDestroyed() ? d.dialog.showMessageBox(win, question) : d.dialog.showMessageBox(question));
      return response === 0;
    },
    log: (level, message) => d.log[level](message),
  });
  return { background, quitGuard, updates };
}
