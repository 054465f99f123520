/**
 * Updates through electron-updater from the `publish` server in electron-builder.yml (its
 * app-update.yml in the installed resources). Checked at start and once a day; a new version is
 * downloaded in the background and the person is asked before the app restarts into it. Nothing
 * starts while files upload: a check, a download or the question waits until the uploads end, as
 * a restart would stop them. A deb (or rpm) is updated by the system's package manager, never by
 * the app: it says so when asked. A copy run from the sources, or from an unpacked folder, checks
 * nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type UpdateSource =
  | { readonly kind: 'updater' }
  | { readonly kind: 'package-manager'; readonly format: string }
  | { readonly kind: 'none'; readonly reason: string };

/** How this copy is updated, from how it was installed. */
export function updateSource(o: { isPackaged: boolean; platform: NodeJS.Platform; resourcesPath: string; env: NodeJS.ProcessEnv }): UpdateSource {
  if (!o.isPackaged) return { kind: 'none', reason: 'it runs from the sources' };
  if (o.platform !== 'linux') return { kind: 'updater' };
  // electron-builder writes `package-type` into a deb's, rpm's or pacman package's resources.
  let format = '';
  try {
    format = readFileSync(join(o.resourcesPath, 'package-type'), 'utf8').trim();
  } catch {
    // not a system package
  }
  if (format) return { kind: 'package-manager', format };
  if (o.env.APPIMAGE) return { kind: 'updater' };
  return { kind: 'none', reason: 'it was not installed from a package or an AppImage' };
}

/** The part of electron-updater's AppUpdater used here. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(m?: unknown): void; warn(m?: unknown): void; error(m?: unknown): void; debug?(m: string): void } | null;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdatesDeps {
  source: UpdateSource;
  /** Loads electron-updater (only when this copy updates itself). */
  load: () => Promise<Updater>;
  activeUploads: () => number;
  /** Calls `listener` whenever the count of running uploads changes. */
  onActivity: (listener: () => void) => void;
  /** Asks to restart into `version` now; true to restart. */
  askRestart: (version: string) => Promise<boolean>;
  log: (level: 'info' | 'error', message: string) => void;
  /** Delay before the first check (the window comes first), and between checks. */
  firstCheckMs?: number;
  everyMs?: number;
}

export interface Updates {
  /** What "Check for Updates…" says: the result of a check now, or why this copy has none. */
  checkNow(): Promise<string>;
  dispose(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const text = (m: unknown): string => (m instanceof Error ? m.message : String(m));

/** Starts the checks for `source`; returns the manual check and a stop. */
export function setupUpdates(d: UpdatesDeps): Updates {
  if (d.source.kind !== 'updater') {
    const why = d.source.kind === 'package-manager'
      ? `This copy of Lexer Uploader was installed from the .${d.source.format} package, so its updates come through your system's package manager (Software Updater, or apt), or by installing the newer .${d.source.format} from the download page.`
      : `This copy of Lexer Uploader does not update itself: ${d.source.reason}.`;
    d.log('info', `Updates: not checked. ${why}`);
    return { checkNow: async () => why, dispose: () => {} };
  }

  // The step waiting for the uploads to end, if any.
  let waiting: (() => void) | null = null;
  let ready: string | null = null;
  let updater: Updater | null = null;
  const whenIdle = (step: () => void): void => {
    if (d.activeUploads() === 0) step();
    else waiting = step;
  };
  d.onActivity(() => {
    if (d.activeUploads() !== 0 || !waiting) return;
    const step = waiting;
    waiting = null;
    step();
  });

  const loaded = d.load().then((u) => {
    updater = u;
    u.autoDownload = false; // downloaded when no upload runs, below
    u.autoInstallOnAppQuit = true;
    u.logger = { info: (m) => d.log('info', `Updates: ${text(m)}`), warn: (m) => d.log('info', `Updates: ${text(m)}`), error: (m) => d.log('error', `Updates: ${text(m)}`) };
    u.on('update-available', () => whenIdle(() => void u.downloadUpdate().catch(() => undefined)));
    u.on('update-downloaded', (info) => {
      ready = info.version;
      whenIdle(() => void d.askRestart(info.version).then((yes) => (yes && d.activeUploads() === 0 ? u.quitAndInstall() : undefined)));
    });
    u.on('error', (error) => d.log('error', `Updates: the check failed: ${error.message}`));
    return u;
  });
  const check = (): void => whenIdle(() => void loaded.then((u) => u.checkForUpdates()).catch(() => undefined));

  const first = setTimeout(check, d.firstCheckMs ?? 3000);
  const daily = setInterval(check, d.everyMs ?? DAY_MS);
  first.unref?.();
  daily.unref?.();

  return {
    async checkNow() {
      if (ready) return `Lexer Uploader ${ready} is downloaded and installs when you restart the app.`;
      if (d.activeUploads() > 0) return 'Updates are checked once no file is uploading, so that a restart cannot stop an upload.';
      try {
        const u = updater ?? (await loaded);
        const result = (await u.checkForUpdates()) as { isUpdateAvailable?: boolean; updateInfo?: { version: string } } | null;
        if (result?.isUpdateAvailable && result.updateInfo) return `Lexer Uploader ${result.updateInfo.version} is available. It downloads now; you will be asked before the app restarts.`;
        return 'Lexer Uploader is up to date.';
      } catch (error) {
        return `Lexer Uploader could not check for updates: ${text(error)}`;
      }
    },
    dispose() {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}
