/**
 * Watched folders keep running when the window closes. On Windows and Linux closing the last
 * window quits an Electron app, which silently stopped the watched folders; with any folder
 * active the app now stays, with a tray icon (Open, Pause or Resume watched folders, Quit), and
 * says so the first time. Opening the window removes the icon. macOS keeps apps running in the
 * dock without a window already, so nothing changes there. Electron's pieces are passed in.
 */
import type { Menu, MenuItemConstructorOptions, NotificationConstructorOptions, Tray } from 'electron';
import type { FeedsOverview } from '../contract/feeds.js';

type TrayLike = Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;

export interface BackgroundDeps {
  platform: NodeJS.Platform;
  createTray: () => TrayLike;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  openWindow: () => void;
  quit: () => void;
  setPaused: (feedId: string, paused: boolean) => Promise<unknown>;
  notify: (options: NotificationConstructorOptions) => void;
  noticeShown: () => boolean;
  markNoticeShown: () => void;
}

export interface Background {
  /** The watched folders as they stand now (from `feeds:changed` and the first `feeds:list`). */
  feedsChanged(overview: FeedsOverview): void;
  /** Whether closing the last window leaves the app running: some watched folder is active (not on macOS). */
  keepsRunning(): boolean;
  /** The last window closed (or none was opened, started at login): show the tray icon. */
  enter(): void;
  /** A window opened: the tray icon goes. */
  leave(): void;
}

export const BACKGROUND_NOTICE: NotificationConstructorOptions = {
  title: 'Lexer Uploader is still watching your folders',
  body: 'New files in your watched folders keep being sent. To stop, choose Quit from the Lexer Uploader icon in the tray.',
};

/** Sets up the background mode; nothing shows until {@link Background.enter}. */
export function setupBackground(d: BackgroundDeps): Background {
  let feeds: FeedsOverview['feeds'] = [];
  let tray: TrayLike | null = null;
  // The folders the tray paused, which its Resume starts again (not those the person paused).
  let pausedHere: string[] = [];
  const active = () => feeds.filter((f) => f.state !== 'paused');

  const menu = (): MenuItemConstructorOptions[] => {
    const running = active();
    const toggle: MenuItemConstructorOptions = running.length > 0
      ? { label: 'Pause watched folders', click: () => void pauseAll(running.map((f) => f.id)) }
      : { label: 'Resume watched folders', enabled: pausedHere.length > 0, click: () => void resumeAll() };
    return [{ label: 'Open Lexer Uploader', click: d.openWindow }, toggle, { type: 'separator' }, { label: 'Quit', click: d.quit }];
  };
  const refresh = () => tray?.setContextMenu(d.buildMenu(menu()));
  const pauseAll = async (ids: string[]) => {
    pausedHere = [...new Set([...pausedHere, ...ids])];
    for (const id of ids) await d.setPaused(id, true);
  };
  const resumeAll = async () => {
    const ids = pausedHere;
    pausedHere = [];
    for (const id of ids) if (feeds.some((f) => f.id === id)) await d.setPaused(id, false);
  };

  return {
    feedsChanged(overview) {
      feeds = overview.feeds;
      refresh();
    },
    keepsRunning: () => d.platform !== 'darwin' && active().length > 0,
    enter() {
      if (d.platform === 'darwin' || tray) return;
      tray = d.createTray();
      tray.setToolTip('Lexer Uploader: watching folders');
      // Windows opens the window on a click; Linux trays show the menu instead.
      tray.on('click', () => d.openWindow());
      refresh();
      if (!d.noticeShown()) {
        d.notify(BACKGROUND_NOTICE);
        d.markNoticeShown();
      }
    },
    leave() {
      tray?.destroy();
      tray = null;
    },
  };
}
