/**
 * The main window's options: every web preference that matters for security set explicitly
 * (Electron's security checklist: context isolation, sandbox, no Node in the page, no
 * <webview>), so a default flipping in a future Electron cannot weaken the app silently.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer's URL under the app's own privileged scheme (see app-protocol.ts). */
export const APP_ORIGIN = 'app://renderer';
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Window options with the preload at `preloadPath`; developer tools only where `devTools` (development). */
export function mainWindowOptions(preloadPath: string, o: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 780,
    minWidth: 720,
    minHeight: 520,
    title: 'Lexer Uploader',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Off in the packaged app: no menu item, shortcut or script opens them there.
      devTools: o.devTools,
    },
  };
}
