/**
 * A window whose page process died (`render-process-gone`: a crash, out of memory, killed) is a
 * blank window. The first time it is reloaded at once; the uploads run in main and go on, and the
 * new page shows them again (`desktop:current-uploads`). If it dies again, a dialog says what
 * happened and lets the person reload or close the window, instead of reloading in a loop.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions, RenderProcessGoneDetails } from 'electron';

export interface RecoveryDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  log: (message: string) => void;
}

type RecoverableWindow = Pick<BrowserWindow, 'close' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'reload' | 'isDestroyed'>;
};

const REASONS: Record<string, string> = {
  'abnormal-exit': 'its page stopped unexpectedly',
  killed: 'its page was stopped by the system or another program',
  crashed: 'its page crashed',
  oom: 'its page ran out of memory',
  'launch-failed': 'its page could not start',
  'integrity-failure': 'Windows stopped its page in a code integrity check',
  'memory-eviction': 'the system reclaimed its memory',
};

/** The dialog shown when the page dies a second time. */
export function goneQuestion(details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>): MessageBoxOptions {
  const why = REASONS[details.reason] ?? `its page stopped (${details.reason})`;
  return {
    type: 'error',
    buttons: ['Reload window', 'Close window'],
    defaultId: 0,
    cancelId: 1,
    title: 'Lexer Uploader',
    message: 'The window stopped working again.',
    detail: `Lexer Uploader's window went blank because ${why} (exit code ${details.exitCode}). Uploads and watched folders keep running in the background; reload the window to see them.`,
  };
}

/** Reloads `win` once after its page dies, then asks. */
export function recoverCrashedPage(win: RecoverableWindow, d: RecoveryDeps): void {
  let reloaded = false;
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    d.log(`The window's page stopped: ${details.reason}, exit code ${details.exitCode}${reloaded ? '; asked the person' : '; reloading it'}.`);
    if (!reloaded) {
      reloaded = true;
      win.webContents.reload();
      return;
    }
    void d.dialog.showMessageBox(win as BrowserWindow, goneQuestion(details)).then(({ response }) => {
      if (win.isDestroyed()) return;
      if (response === 0) win.webContents.reload();
      else win.close();
    });
  });
}
