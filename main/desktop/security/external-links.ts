/**
 * Links never open inside the app: a new window is always denied, and an allow-listed https link
 * (Lexer's Hub and help pages) goes to the system browser instead. Anything else is dropped.
 */
import type { Shell, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../../services/shell/external-links.js';

/** Opens `url` in the system browser when it is allow-listed; does nothing otherwise. */
export function openAllowedLink(shell: Pick<Shell, 'openExternal'>, url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

/** Denies every new window of `contents`, sending allow-listed links to the system browser. */
export function sendNewWindowsOutside(contents: Pick<WebContents, 'setWindowOpenHandler'>, shell: Pick<Shell, 'openExternal'>): void {
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedLink(shell, url);
    return { action: 'deny' };
  });
}
