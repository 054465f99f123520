/**
 * Asks before quitting while files are uploading: quitting aborts the transfer, and a 5 GB
 * upload cannot resume (one presigned PUT). Electron's pieces are passed in for tests.
 *
 * Two doors lead out. On Windows and Linux, closing the last window quits the app
 * (`window-all-closed`), and by the time `before-quit` fires the window is already gone: asking
 * there leaves a dialog with no parent, and "Keep uploading" an invisible process that never
 * quits. So the window's own `close` event asks first, while the window
 * still exists, and keeps it open unless the person chooses to quit. `before-quit` still asks
 * for the other door (the menu's Quit, Cmd+Q on macOS, where closing the window does not quit).
 */
import type { App, BrowserWindow, Dialog, MessageBoxOptions } from 'electron';

/** How long a confirmed quit waits for uploads to stop before quitting anyway. */
const STOP_TIMEOUT_MS = 5000;

type GuardedWindow = Pick<BrowserWindow, 'on' | 'isDestroyed'>;

export interface QuitGuardDeps {
  app: Pick<App, 'on' | 'quit'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  window: () => BrowserWindow | null;
  activeUploads: () => number;
  /** How many of them are watched folders' files (sent again automatically at the next start). */
  feedUploads?: () => number;
  /** Whether closing the window leaves the app running (in the tray, for the watched folders): then nothing stops, so nothing is asked. */
  keepsRunning?: () => boolean;
  /** Cancels the uploads (and closes what they use) before the app goes. */
  stopAll: () => Promise<void> | void;
  platform?: NodeJS.Platform;
}

export interface QuitGuard {
  /** Asks on this window's `close` when closing it would quit the app with uploads running. */
  guardWindow(win: GuardedWindow): void;
}

const files = (n: number): string => `${n} ${n === 1 ? 'file' : 'files'}`;

/**
 * What quitting does to the uploads running, in plain words. A file the person added must be
 * uploaded again by hand; a watched folder's file stays in its folder and is sent again
 * automatically when the app starts next.
 */
function quitDetail(count: number, watched: number): string {
  const added = count - watched;
  if (watched === 0) return 'Quitting now stops them; you would have to upload them again from the start.';
  const again = 'sent again automatically the next time Lexer Uploader starts';
  if (added === 0) return `Quitting now stops ${watched === 1 ? 'it' : 'them'}. ${watched === 1 ? 'It comes' : 'They come'} from a watched folder, so ${watched === 1 ? 'it is' : 'they are'} ${again}.`;
  return `Quitting now stops them. The ${files(added)} you added would have to be uploaded again from the start; the ${files(watched)} from watched folders ${watched === 1 ? 'is' : 'are'} ${again}.`;
}

/** The question shown, in plain words; `watched` of the `count` files come from watched folders. */
export function quitQuestion(count: number, watched = 0): MessageBoxOptions {
  return {
    type: 'warning',
    buttons: ['Keep uploading', 'Quit anyway'],
    defaultId: 0,
    cancelId: 0,
    title: 'Uploads in progress',
    message: `${files(count)} ${count === 1 ? 'is' : 'are'} still uploading.`,
    detail: quitDetail(count, Math.min(watched, count)),
  };
}

/** Installs the guard on `before-quit`; windows are guarded one by one with `guardWindow`. */
export function setupQuitGuard(d: QuitGuardDeps): QuitGuard {
  const platform = d.platform ?? process.platform;
  let quitting = false;
  let asking: Promise<boolean> | null = null;

  /** One question at a time: a second close or Quit while it is open waits for the same answer. */
  const confirmQuit = (parent: BrowserWindow | null): Promise<boolean> => {
    asking ??= (async () => {
      const question = quitQuestion(d.activeUploads(), d.feedUploads?.() ?? 0);
      const live = parent && !parent.isDestroyed() ? parent : null;
      const { response } = await (live ? d.dialog.showMessageBox(live, question) : d.dialog.showMessageBox(question));
      return response === 1;
    })().finally(() => {
      asking = null;
    });
    return asking;
  };

  const stopThenQuit = async (): Promise<void> => {
    if (quitting) return; // a second close while the question was open got the same answer
    quitting = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_TIMEOUT_MS)));
    try {
      await Promise.race([Promise.resolve().then(d.stopAll), timeout]);
    } catch {
      // Stopping failed: quit all the same, as the person asked.
    } finally {
      clearTimeout(timer);
    }
    d.app.quit();
  };

  const guard = (event: { preventDefault(): void }, parent: BrowserWindow | null): void => {
    if (quitting || d.activeUploads() === 0) return;
    event.preventDefault();
    void confirmQuit(parent).then((quit) => (quit ? stopThenQuit() : undefined));
  };

  d.app.on('before-quit', (event) => guard(event, d.window()));
  return {
    guardWindow(win) {
      // On macOS closing the window leaves the app (and its uploads) running in the dock.
      if (platform === 'darwin') return;
      win.on('close', (event) => {
        if (d.keepsRunning?.()) return;
        guard(event, win as BrowserWindow);
      });
    },
  };
}
