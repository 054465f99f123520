/**
 * Wires the contract to ipcMain: one `handle` per channel. Every call first checks the sender
 * (the main frame of our own window, showing our own `app://` page) and answers `forbidden`
 * otherwise; the services then validate the arguments as unknown. Events go to the window with
 * `webContents.send`. Electron's pieces are passed in so tests use a fake.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../contract/channels.js';
import type { Result } from '../contract/result.js';
import type { AppServices } from '../services/create-app-services.js';
import { isAppUrl } from './security/navigation.js';

export const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the app window, so it was refused.' },
};

/** Whether a frame is the main frame of `contents` and shows one of the app's own pages. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> | null | undefined, contents: { readonly mainFrame: unknown } | null): boolean {
  if (!frame || !contents) return false;
  return frame === contents.mainFrame && isAppUrl(frame.url);
}

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  services: Pick<AppServices, 'handlers' | 'events'>;
  /** The window's contents as of now (null when there is no window). */
  contents: () => (Pick<WebContents, 'send' | 'isDestroyed'> & { readonly mainFrame: unknown }) | null;
}

/** Registers every handler and forwards the window events; returns a function that undoes it. */
export function setupIpc(d: IpcDeps): () => void {
  for (const channel of INVOKE_CHANNELS) {
    const handler = d.services.handlers[channel];
    d.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, d.contents())) return FORBIDDEN;
      return handler(...args);
    });
  }
  const unsubscribe = EVENT_CHANNELS.map((channel) =>
    d.services.events.on(channel, (payload) => {
      const wc = d.contents();
      if (wc && !wc.isDestroyed()) wc.send(channel, payload);
    }),
  );
  return () => {
    for (const channel of INVOKE_CHANNELS) d.ipcMain.removeHandler(channel);
    for (const off of unsubscribe) off();
  };
}
