// A small stand-in for the `electron` module, for loading the BUILT main process
// (dist/main/desktop/app.js) under plain Node: Node 20 here, and Node 24, the Node that
// Electron 40 embeds. It keeps Electron's rules that a real launch would enforce:
// - `protocol.registerSchemesAsPrivileged` only before `ready`, `protocol.handle` and
//   `safeStorage` only after it;
// - `app.setPath` throws for a relative or missing folder (Electron's docs);
// - closing a window emits a preventable `close`, then `closed`, then `window-all-closed`
//   when it was the last one (not when app.quit() closes it);
// - `app.quit()` emits a preventable `before-quit`, then closes the windows (each can refuse).
// Every call is written to `standIn.log` in order, for the checks to read.
import { EventEmitter } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { isAbsolute } from 'node:path';

const env = process.env;

export const standIn = {
  /** Ordered record of what the main process did. */
  log: [],
  ready: false,
  windows: [],
  /** The options of every window created, in order. */
  windowOptions: [],
  dialogs: [],
  errorBoxes: [],
  notifications: [],
  /** Every tray icon made, live or destroyed. */
  trays: [],
  loginItem: { openAtLogin: false, args: [] },
  /** Requests electron-updater made through `net.request`, as `METHOD url`. */
  netRequests: [],
  opened: [],
  ipcHandlers: new Map(),
  protocolHandlers: new Map(),
  privilegedSchemes: [],
  menuTemplate: null,
  /** Set by the driver: called once the app exits (code), instead of ending the process at once. */
  onExit: (code) => process.exit(code),
  /** The answer showMessageBox gives (button index). */
  messageBoxResponse: 0,
  /** What showOpenDialog answers: the paths chosen (none: cancelled). */
  openDialogPaths: [],
};

const note = (entry) => standIn.log.push(entry);

function preventable() {
  let prevented = false;
  return { event: { preventDefault: () => void (prevented = true), defaultPrevented: false }, prevented: () => prevented };
}

// ---------------------------------------------------------------- app

class App extends EventEmitter {
  isPackaged = env.STANDIN_PACKAGED === '1';
  #paths = new Map([['userData', env.STANDIN_DEFAULT_USER_DATA ?? '/nonexistent/stand-in-user-data']]);
  #ready = null;
  #resolveReady = null;
  #quitting = false;
  constructor() {
    super();
    this.#ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }
  whenReady() {
    return this.#ready;
  }
  isReady() {
    return standIn.ready;
  }
  /** Driver: the app is ready (Electron emits `ready` and resolves whenReady). */
  emitReady() {
    standIn.ready = true;
    note('app:ready');
    this.emit('ready', {}, {});
    this.#resolveReady();
  }
  getPath(name) {
    const p = this.#paths.get(name);
    if (!p) throw new Error(`Failed to get '${name}' path`);
    return p;
  }
  setPath(name, path) {
    note(`app.setPath:${name}`);
    // Electron: "If the path specifies a directory that does not exist, an Error is thrown."
    if (!isAbsolute(path)) throw new Error(`Path must be absolute: ${path}`);
    if (!existsSync(path) || !statSync(path).isDirectory()) throw new Error(`Failed to set path: ${path} does not exist`);
    this.#paths.set(name, path);
  }
  getVersion() {
    return env.STANDIN_VERSION ?? '0.1.0';
  }
  getName() {
    return 'Lexer Uploader';
  }
  getAppPath() {
    return process.cwd();
  }
  relaunch() {
    note('app.relaunch');
  }
  setAppUserModelId(id) {
    note(`app.setAppUserModelId:${id}`);
  }
  getLoginItemSettings() {
    return { ...standIn.loginItem };
  }
  setLoginItemSettings(settings) {
    note(`app.setLoginItemSettings:${settings.openAtLogin}`);
    standIn.loginItem = { openAtLogin: settings.openAtLogin, args: settings.args ?? [] };
  }
  requestSingleInstanceLock() {
    note('app.requestSingleInstanceLock');
    return env.STANDIN_SECOND_INSTANCE !== '1';
  }
  quit() {
    note('app.quit');
    if (this.#quitting) return;
    const before = preventable();
    this.emit('before-quit', before.event);
    if (before.prevented()) return note('app.quit:prevented');
    this.#quitting = true;
    for (const win of [...standIn.windows]) {
      if (!win.isDestroyed() && !win.close()) {
        this.#quitting = false;
        return note('app.quit:window-refused');
      }
    }
    this.emit('will-quit', preventable().event);
    this.emit('quit', {}, 0);
    note('app.exit:0');
    standIn.onExit(0);
  }
  get quitting() {
    return this.#quitting;
  }
  exit(code = 0) {
    note(`app.exit:${code}`);
    standIn.onExit(code);
  }
}

export const app = new App();

// ---------------------------------------------------------------- windows

class Session {
  permissionRequest = null;
  permissionCheck = null;
  setPermissionRequestHandler(h) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h) {
    this.permissionCheck = h;
  }
  async resolveProxy() {
    return 'DIRECT';
  }
}

export const session = { defaultSession: new Session(), fromPartition: () => new Session() };

class WebContents extends EventEmitter {
  session = new Session();
  mainFrame = { url: '' };
  sent = [];
  openHandler = null;
  #destroyed = false;
  setWindowOpenHandler(h) {
    this.openHandler = h;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload: structuredClone(payload) });
    this.emit('stand-in:sent', channel, payload);
  }
  isDestroyed() {
    return this.#destroyed;
  }
  destroy() {
    this.#destroyed = true;
  }
  reload() {
    note('webContents.reload');
    this.emit('stand-in:reload');
  }
}

export class BrowserWindow extends EventEmitter {
  static #nextId = 1;
  id = BrowserWindow.#nextId++;
  webContents = new WebContents();
  #destroyed = false;
  visible = false;
  progress = [];
  constructor(options) {
    super();
    if (!standIn.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    standIn.windowOptions.push(options);
    note('BrowserWindow:new');
    standIn.windows.push(this);
  }
  async loadURL(url) {
    note(`BrowserWindow.loadURL:${url}`);
    if (env.STANDIN_LOAD_FAILS === '1') throw Object.assign(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`), { code: 'ERR_FILE_NOT_FOUND', errno: -6 });
    this.webContents.mainFrame = { url };
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    this.visible = true;
  }
  focus() {
    note(`BrowserWindow.focus:${this.id}`);
  }
  isMinimized() {
    return false;
  }
  restore() {}
  isFocused() {
    return false;
  }
  isDestroyed() {
    return this.#destroyed;
  }
  setProgressBar(p) {
    this.progress.push(p);
  }
  /** Answers whether the window closed (false when a `close` listener prevented it). */
  close() {
    if (this.#destroyed) return true;
    const close = preventable();
    this.emit('close', close.event);
    if (close.prevented()) {
      note(`BrowserWindow.close:prevented:${this.id}`);
      return false;
    }
    this.#destroyed = true;
    this.webContents.destroy();
    standIn.windows = standIn.windows.filter((w) => w !== this);
    note(`BrowserWindow.closed:${this.id}`);
    this.emit('closed');
    if (standIn.windows.length === 0 && !app.quitting) app.emit('window-all-closed');
    return true;
  }
}

// ---------------------------------------------------------------- the rest

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    // Electron: "This method can only be used before the ready event of the app module gets emitted".
    if (standIn.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    note('protocol.registerSchemesAsPrivileged');
    standIn.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    if (!standIn.ready) throw new Error('protocol.handle must be called after app is ready');
    note(`protocol.handle:${scheme}`);
    standIn.protocolHandlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handle(channel, fn) {
    if (standIn.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    note(`ipcMain.handle:${channel}`);
    standIn.ipcHandlers.set(channel, fn);
  },
  removeHandler(channel) {
    standIn.ipcHandlers.delete(channel);
  },
};

const xor = (b) => Buffer.from([...b].map((x) => x ^ 0x5a));
export const safeStorage = {
  isEncryptionAvailable() {
    if (!standIn.ready) throw new Error('safeStorage cannot be used before app is ready');
    return env.STANDIN_NO_ENCRYPTION !== '1';
  },
  encryptString(text) {
    return xor(Buffer.from(`v11${text}`));
  },
  decryptString(buffer) {
    return xor(buffer).toString().slice(3);
  },
  getSelectedStorageBackend() {
    return 'gnome_libsecret';
  },
};

export const dialog = {
  async showMessageBox(...args) {
    const [parent, options] = args.length === 2 ? args : [null, args[0]];
    note(`dialog.showMessageBox:${parent ? 'window' : 'none'}`);
    standIn.dialogs.push({ parent: parent ? parent.id : null, options });
    return { response: standIn.messageBoxResponse, checkboxChecked: false };
  },
  async showOpenDialog(...args) {
    const [parent, options] = args.length === 2 ? args : [null, args[0]];
    note(`dialog.showOpenDialog:${parent ? 'window' : 'none'}:${(options.properties ?? []).join(',')}`);
    return { canceled: standIn.openDialogPaths.length === 0, filePaths: [...standIn.openDialogPaths] };
  },
  showErrorBox(title, content) {
    note('dialog.showErrorBox');
    standIn.errorBoxes.push({ title, content });
  },
};

export const Menu = {
  buildFromTemplate(template) {
    standIn.menuTemplate = template;
    return { template };
  },
  setApplicationMenu() {
    note('Menu.setApplicationMenu');
  },
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    note(`Notification.show:${this.options.title}`);
    standIn.notifications.push(this);
  }
}

/** Images as the app builds them: each representation's scale factor and bytes. */
export const nativeImage = {
  createFromBuffer(buffer, options = {}) {
    const representations = [{ scaleFactor: options.scaleFactor ?? 1, buffer }];
    return { representations, addRepresentation: (r) => void representations.push({ scaleFactor: r.scaleFactor, buffer: r.buffer }) };
  },
};

export class Tray extends EventEmitter {
  menu = null;
  tooltip = '';
  destroyed = false;
  constructor(image) {
    super();
    if (!standIn.ready) throw new Error('Cannot create Tray before app is ready');
    this.image = image;
    note('Tray:new');
    standIn.trays.push(this);
  }
  setToolTip(text) {
    this.tooltip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  destroy() {
    note('Tray.destroy');
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

/**
 * `net.request` as electron-updater calls it (ClientRequest-like: `response`, `error`, `end`,
 * `abort`), over Node's http: enough for its generic provider against a loopback server.
 */
export const net = {
  request(options) {
    const url = options.url ?? `${options.protocol ?? 'http:'}//${options.hostname ?? options.host}${options.port ? `:${options.port}` : ''}${options.path ?? '/'}`;
    standIn.netRequests.push(`${options.method ?? 'GET'} ${url}`);
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} });
    const wrapper = new EventEmitter();
    req.on('response', (res) => wrapper.emit('response', res));
    req.on('error', (e) => wrapper.emit('error', e));
    Object.assign(wrapper, {
      end: (body) => req.end(body),
      abort: () => req.destroy(),
      setHeader: (k, v) => req.setHeader(k, v),
      write: (chunk) => req.write(chunk),
    });
    return wrapper;
  },
};

let blockers = 0;
export const powerSaveBlocker = {
  start: () => ++blockers,
  stop: () => true,
  isStarted: () => true,
};

export const shell = {
  async openExternal(url) {
    standIn.opened.push(url);
  },
};

export default { app, BrowserWindow, Menu, Notification, Tray, dialog, ipcMain, nativeImage, net, powerSaveBlocker, protocol, safeStorage, session, shell };
