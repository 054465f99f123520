/**
 * The window stays on the app's own pages: navigation and redirects elsewhere are cancelled and
 * `<webview>` tags never attach (Electron's security checklist: "Disable or limit navigation").
 */
import type { WebContents } from 'electron';
import { APP_ORIGIN } from '../window-options.js';

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

/** Cancels every `<webview>` `contents` would attach (the app has none; a page that adds one is not ours). */
export function refuseWebviews(contents: Pick<WebContents, 'on'>): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Cancels every navigation or redirect of `contents` away from the app, and every webview. */
export function keepOnAppPages(contents: Pick<WebContents, 'on'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  refuseWebviews(contents);
}
