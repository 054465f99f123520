/**
 * The app's services: one handler per contract channel, shared by the Electron IPC layer and
 * the browser host. Each handler takes its arguments as `unknown`, validates them, calls the
 * engine and answers a `Result`; it never throws and never returns the token.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { InvokeChannel, InvokeResult } from '../contract/channels.js';
import type { Result } from '../contract/result.js';
import { pruneStaleWorkspaces } from '../engine/compress/temp-workspace.js';
import { ensurePrivateDir } from '../engine/config/private-dir.js';
import { openHistory } from '../engine/history/upload-history.js';
import { createFileSecrets, type SecretStore } from '../engine/vault/secret-store.js';
import type { TokenVault } from '../engine/vault/token-vault.js';
import { createEventHub, type AppActivity, type EventHub, type ServiceEvents } from './channels/event-hub.js';
import type { RawHandlers } from './channels/handler-types.js';
import { fail, ok, toErrorInfo } from './channels/result.js';
import { scrubSecrets } from './channels/scrub-secrets.js';
import { feedChannels } from './feeds/feed-channels.js';
import { createFeedService, type FeedServiceDeps } from './feeds/feed-service.js';
import { openFeedStore } from './feeds/feed-store.js';
import { createCurrentUploads } from './desktop/current-uploads.js';
import { desktopChannels, type LoginItemControl } from './desktop/desktop-channels.js';
import { createWindowRequests, type WindowRequests } from './desktop/window-requests.js';
import { createFileGate, type FileAccessCheck } from './files/file-access.js';
import { fileChannels } from './files/file-channels.js';
import { trimCopies } from './files/temp-copies.js';
import { historyChannels } from './history/history-channels.js';
import { jobChannels } from './jobs/job-channels.js';
import { createJobService } from './jobs/job-service.js';
import { createConnectionResolver, sandboxConnection } from './settings/connection.js';
import { createEmbeddedSandbox } from './settings/embedded-sandbox.js';
import { openPresets } from './settings/preset-store.js';
import { settingsChannels } from './settings/settings-channels.js';
import { openSettings, partBytesOf } from './settings/settings-store.js';
import { shellChannels } from './shell/shell-channels.js';
import { tokenChannels } from './token/token-channels.js';
import { createTokenService } from './token/token-service.js';
import { createStateThrottle } from './uploads/throttle-states.js';
import { uploadChannels } from './uploads/upload-channels.js';
import { createUploadService, notHashedError, type UploadServiceDeps } from './uploads/upload-service.js';
import { parseUploadRequest } from './channels/request-parsers.js';

export type Handler<C extends InvokeChannel> = (...args: unknown[]) => Promise<Result<InvokeResult<C>>>;
export type Handlers = { readonly [C in InvokeChannel]: Handler<C> };

export interface AppServicesOptions {
  userDataDir: string;
  /** Where the token is kept between runs (safeStorage, keychain or a 0600 file). */
  vault: TokenVault;
  /** Memory only, for "this session only". */
  sessionVault: TokenVault;
  /** Other secrets (a feed's mail password), kept like the token; default: 0600 files in the user's data folder. */
  secrets?: SecretStore;
  /** Overrides the Lexer default API URL until the user saves one (env LEXER_API_URL). */
  envApiUrl?: string | null;
  /** The system proxy for a URL as `http://host:port`, or null for a direct connection. */
  resolveProxy?: (url: string) => Promise<string | null>;
  /** Opens an allow-listed https URL in the system browser; absent in the browser host. */
  openExternal?: (url: string) => Promise<void>;
  /** Engine knobs for tests (retry backoff, stall timeout). */
  uploadTuning?: UploadServiceDeps['tuning'];
  /** Which files path arguments may name; the browser host allows only files the user gave it. */
  checkFile?: FileAccessCheck;
  /** The browser host's folder of staged copies, which `files:release` may delete from (absent in Electron). */
  stagingDir?: string;
  /** The desktop's folder chooser for a watched folder; absent in the browser host (the path is typed). */
  chooseFolder?: () => Promise<string | null>;
  /**
   * Confirms a watched folder the window asks to add, or throws saying how (the browser host asks
   * in its terminal: the page alone must not add a folder); absent in the desktop app.
   */
  confirmFeed?: FeedServiceDeps['confirmAdd'];
  /** Starting at login (the desktop app); absent in the browser host. */
  loginItem?: LoginItemControl;
}

export interface AppServices {
  readonly handlers: Handlers;
  /** Window events (`uploads:state`, `jobs:progress`) and shell events (`activity`, `queue:settled`). */
  readonly events: EventHub<ServiceEvents>;
  /** Files the system asked the app to open, and a notification's target, waiting for the window. */
  readonly windowRequests: Pick<WindowRequests, 'addFiles' | 'show'>;
  /** Whether an upload, check or conversion under way reads the file at `path` (a copy must stay until it ends). */
  reads(path: string): boolean;
  /** Cancels running uploads and jobs and stops the embedded sandbox (on quit). */
  dispose(): Promise<void>;
}

/** Builds the services over the user's data folder and the two token vaults. */
export async function createAppServices(o: AppServicesOptions): Promise<AppServices> {
  await ensurePrivateDir(o.userDataDir);
  const settings = await openSettings(o.userDataDir, o.envApiUrl === undefined ? process.env.LEXER_API_URL : o.envApiUrl);
  const historyPath = join(o.userDataDir, 'history.json');
  const history = await openHistory(historyPath);
  const presets = await openPresets(o.userDataDir);
  const convertedDir = join(o.userDataDir, 'converted');
  // Conversion outputs left by earlier runs: keep a bounded cache (History's Retry uses recent ones).
  await trimCopies(convertedDir);
  // Compressed copies and parts live here while they are sent; a crash leaves them for the next start.
  const tempRoot = join(o.userDataDir, 'temp');
  await mkdir(tempRoot, { recursive: true, mode: 0o700 });
  await pruneStaleWorkspaces(tempRoot).catch(() => 0);
  const events = createEventHub<ServiceEvents>();
  const throttle = createStateThrottle((e) => events.emit('uploads:state', e));
  const upstream = createEventHub<ServiceEvents>();
  upstream.on('uploads:state', (e) => {
    throttle.push(e.id, e.state);
    const k = e.state.kind;
    if (k === 'succeeded' || k === 'failed' || k === 'cancelled') throttle.forget(e.id);
  });
  // The close guard and the taskbar count the watched folders' uploads with the window's own.
  let manual: AppActivity = { activeUploads: 0, progress: null };
  let feedSending = 0;
  const publishActivity = (): void =>
    events.emit('activity', { activeUploads: manual.activeUploads + feedSending, feedUploads: feedSending, progress: manual.progress });
  upstream.on('activity', (a) => {
    manual = a;
    publishActivity();
  });
  upstream.on('queue:settled', (q) => events.emit('queue:settled', q));

  const tokens = createTokenService(o.vault, o.sessionVault);
  const sandbox = createEmbeddedSandbox(o.userDataDir);
  const connection = createConnectionResolver(settings, tokens, sandbox);
  const jobs = createJobService({
    userDataDir: o.userDataDir, ledgerDir: o.userDataDir, emitProgress: (p) => events.emit('jobs:progress', p), hashEmails: () => settings.get().hashEmails,
  });
  // What Settings say for every upload: manual ones and the watched folders' read the same.
  const sendSettings = () => {
    const s = settings.get();
    return { gzip: s.gzip, gzipLevel: s.gzipLevel, partBytes: partBytesOf(s), hashEmails: s.hashEmails };
  };
  const uploads = createUploadService({
    history,
    hub: upstream,
    connection,
    concurrency: () => settings.get().concurrency,
    sendSettings,
    // With e-mails sent only hashed, a file goes only as a conversion that hashed them.
    refuse: (request) => (settings.get().hashEmails && !jobs.hashed(request.path) ? notHashedError(request.path) : null),
    tempRoot,
    ledgerDir: o.userDataDir,
    resolveProxy: o.resolveProxy,
    ...(o.uploadTuning ? { tuning: o.uploadTuning } : {}),
  });
  const feeds = createFeedService({
    store: await openFeedStore(o.userDataDir), presets, history, connection, queue: () => uploads.queue(),
    concurrency: () => settings.get().concurrency, tempRoot, ledgerDir: o.userDataDir, resolveProxy: o.resolveProxy, tuning: o.uploadTuning,
    sendSettings, canChooseFolder: o.chooseFolder !== undefined, confirmAdd: o.confirmFeed, secrets: o.secrets ?? createFileSecrets(o.userDataDir),
    onChange: (overview) => events.emit('feeds:changed', overview),
    onSending: (count) => {
      if (count === feedSending) return;
      feedSending = count;
      publishActivity();
    },
  });
  // Feeds run while the app is open: the folders saved last time start watching now.
  void feeds.startAll();
  // Each domain registers its own channels; together they must be exactly the contract's.
  const allowed = createFileGate(o.checkFile, (path) => history.list().some((e) => e.filePath === path));
  const onConnectionChanged = () => feeds.reconnect();
  const windowRequests = createWindowRequests(events);
  const current = createCurrentUploads(events);
  const raw: RawHandlers = {
    ...settingsChannels({ settings, sandbox, presets, onConnectionChanged }),
    ...tokenChannels({
      tokens, connection, sandboxConnection: () => sandboxConnection(sandbox), savedApiUrl: () => settings.get().apiUrl, resolveProxy: o.resolveProxy, onConnectionChanged,
    }),
    ...fileChannels({ allowed, copyRoots: [convertedDir, ...(o.stagingDir ? [o.stagingDir] : [])] }),
    ...jobChannels({ jobs, allowed }),
    ...uploadChannels({ uploads, allowed }),
    ...historyChannels({ history, file: historyPath }),
    ...feedChannels({ feeds, chooseFolder: o.chooseFolder }),
    ...shellChannels({ openExternal: o.openExternal }),
    ...desktopChannels({ requests: windowRequests, current, loginItem: o.loginItem }),
  };
  // Every upload the window starts is listed while it runs, for a window that opens meanwhile.
  const startUpload = raw['uploads:start'];
  raw['uploads:start'] = (...a) => {
    let request;
    try {
      request = parseUploadRequest(a[0]);
    } catch {
      return startUpload(...a); // refused there, with its own message
    }
    return current.follow(request, () => startUpload(...a));
  };

  const wrap = <C extends InvokeChannel>(fn: (...args: unknown[]) => Promise<InvokeResult<C>>, secretArg: boolean): Handler<C> =>
    async (...args) => {
      let result: Result<InvokeResult<C>>;
      try {
        result = ok(await fn(...args));
      } catch (error) {
        result = fail(toErrorInfo(error));
      }
      const token = await tokens.current().catch(() => null);
      return scrubSecrets(result, [token, secretArg && typeof args[0] === 'string' ? args[0].trim() : null]);
    };
  const handlers = Object.fromEntries(
    Object.entries(raw).map(([channel, fn]) => [channel, wrap(fn as (...args: unknown[]) => Promise<never>, channel === 'token:save')]),
  ) as unknown as Handlers;

  return {
    handlers,
    events,
    windowRequests,
    reads: (path) => uploads.reads(path) || jobs.reads(path),
    async dispose() {
      await feeds.dispose();
      uploads.dispose();
      jobs.dispose();
      throttle.dispose();
      await sandbox.close();
    },
  };
}
