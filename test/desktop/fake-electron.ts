// A small stand-in for the pieces of `electron` the main-process wiring uses. The wiring takes
// them as arguments, so these tests run without the Electron binary.
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';

export interface FakeFrame {
  url: string;
}

export class FakeSession {
  permissionRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl: string; isMainFrame: boolean }) => void) | null = null;
  permissionCheck: ((wc: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string; isMainFrame: boolean }) => boolean) | null = null;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame = { url: 'app://renderer/index.html' };
  session = new FakeSession();
  sent: Array<{ channel: string; payload: unknown }> = [];
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  setWindowOpenHandler(h: FakeWebContents['openHandler']): void {
    this.openHandler = h;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits a navigation event; answers whether the app prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => void (prevented = true) }, url);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static last: FakeBrowserWindow | null = null;
  webContents = new FakeWebContents();
  loaded: string | null = null;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.last = this;
  }
  /** Set to make the next loadURL fail like Chromium does (an Error with a `code`). */
  static nextLoadError: (Error & { code?: string }) | null = null;
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    const error = FakeBrowserWindow.nextLoadError;
    FakeBrowserWindow.nextLoadError = null;
    return error ? Promise.reject(error) : Promise.resolve();
  }
  show(): void {}
}

/** The fake as the type createWindow expects. */
export const FakeWindowCtor = FakeBrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow;

export class FakeIpcMain {
  handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a channel as if `frame` had sent it. */
  invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const fn = this.handlers.get(channel);
    if (!fn) throw new Error(`no handler for ${channel}`);
    return fn({ senderFrame: frame as unknown as WebFrameMain } as IpcMainInvokeEvent, ...args);
  }
  asIpcMain(): Pick<IpcMain, 'handle' | 'removeHandler'> {
    return this as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
  }
}
