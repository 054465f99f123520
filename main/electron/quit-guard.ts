/**
 * Asks before quitting while files are uploading: quitting aborts the transfer, and a 5 GB
 * upload cannot resume (one presigned PUT). Electron's pieces are passed in for tests.
 */
import type { App, BrowserWindow, Dialog, MessageBoxOptions } from 'electron';

export interface QuitGuardDeps {
  app: Pick<App, 'on' | 'quit'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  window: () => BrowserWindow | null;
  activeUploads: () => number;
  /** Cancels the uploads before the app goes. */
  stopAll: () => void;
}

/** The question shown, in plain words. */
export function quitQuestion(count: number): MessageBoxOptions {
  return {
    type: 'warning',
    buttons: ['Keep uploading', 'Quit anyway'],
    defaultId: 0,
    cancelId: 0,
    title: 'Uploads in progress',
    message: `${count} ${count === 1 ? 'file is' : 'files are'} still uploading.`,
    detail: 'Quitting now stops them; you would have to upload them again from the start.',
  };
}

/** Installs the guard on `before-quit`. */
export function setupQuitGuard(d: QuitGuardDeps): void {
  let confirmed = false;
  d.app.on('before-quit', (event) => {
    const count = d.activeUploads();
    if (confirmed || count === 0) return;
    event.preventDefault();
    const win = d.window();
    const ask = win ? d.dialog.showMessageBox(win, quitQuestion(count)) : d.dialog.showMessageBox(quitQuestion(count));
    void ask.then(({ response }) => {
      if (response !== 1) return;
      confirmed = true;
      d.stopAll();
      d.app.quit();
    });
  });
}
