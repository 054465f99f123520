/**
 * The app's watched folders: each feed kept in feeds.json runs while the app is open,
 * through the engine's feed runner with the app's connection, shared upload queue, rate limiter
 * and History. The window sees each feed's state, files waiting, its last file's result and the
 * files waiting in its failed folder (until moved out of it or dismissed).
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FeedAlertChannel, FeedFailure, FeedLastFile, FeedSettings, FeedsOverview, FeedView } from '../../contract/feeds.js';
import type { FeedAlerts } from '../../engine/alerts/feed-alerts.js';
import { FAILED_DIR } from '../../engine/feeds/feed-names.js';
import type { FeedEvent } from '../../engine/feeds/feed-events.js';
import { startFeed, type FeedRunner } from '../../engine/feeds/feed-runner.js';
import type { UploadHistory } from '../../engine/history/upload-history.js';
import type { SendRun } from '../../engine/send/send-context.js';
import type { UploadQueue } from '../../engine/upload/upload-queue.js';
import type { SecretStore } from '../../engine/vault/secret-store.js';
import type { Connection } from '../settings/connection.js';
import { parseExpectation } from './feed-alert-settings.js';
import { lastFile, shownFailure } from './feed-last-file.js';
import { alertView, smtpSecretName, startAlertsFor } from './feed-alerting.js';
import { reachesFurther } from './feed-reach.js';
import { parseFeedInput, toFeedConfig } from './feed-settings.js';
import type { FeedStore, StoredFeed } from './feed-store.js';
import type { PresetStore } from '../settings/preset-store.js';
import { usageError } from '../channels/result.js';
import type { SendSettings } from '../uploads/run-upload.js';

export interface FeedServiceDeps {
  store: FeedStore;
  presets: PresetStore;
  history: UploadHistory;
  connection: () => Promise<Connection>;
  /** The upload queue manual uploads use, so feeds share its concurrency. */
  queue: () => UploadQueue;
  concurrency: () => number;
  tempRoot: string;
  ledgerDir: string;
  resolveProxy?: ((url: string) => Promise<string | null>) | undefined;
  tuning?: SendRun['tuning'];
  /** Settings' compression level and part size, read for each file, as manual uploads read them (the folder's own gzip box stays its own). */
  sendSettings: () => SendSettings;
  canChooseFolder: boolean;
  /** Confirms a folder before it is added (the browser host's terminal), or throws saying how; absent: none needed. */
  confirmAdd?: ((settings: FeedSettings, confirmation: string | null) => void) | undefined;
  /** Where a feed's mail password is kept (the vault, like the token). */
  secrets: SecretStore;
  onChange: (overview: FeedsOverview) => void;
  /** Files the feeds are sending now (the close guard counts them). */
  onSending: (count: number) => void;
}

export interface FeedService {
  overview(): FeedsOverview;
  /** The overview once failed files no longer in the failed folder are taken off their rows. */
  list(): Promise<FeedsOverview>;
  /** Adds a folder; `confirmation` is the code the person typed, where the host asks for one. */
  add(settings: unknown, confirmation?: string | null): Promise<FeedsOverview>;
  /**
   * New settings for a folder: it is watched with them from now on (an upload under way is
   * cancelled and its file sent again). Where its files or alerts go, or deleting them after
   * sending, is confirmed as for a new folder.
   */
  update(id: string, settings: unknown, confirmation?: string | null): Promise<FeedsOverview>;
  /** Takes a failed file off the folder's row; the file stays in the failed folder. */
  dismiss(id: string, failureId: string): Promise<FeedsOverview>;
  setPaused(id: string, paused: boolean): Promise<FeedsOverview>;
  remove(id: string): Promise<FeedsOverview>;
  /** Sends a test alert on each of the feed's channels. */
  testAlert(id: string): Promise<readonly FeedAlertChannel[]>;
  /** Starts every feed not paused (at app start). */
  startAll(): Promise<void>;
  /**
   * The connection may have changed (API URL, sandbox, token saved or cleared): restarts the
   * feeds started with another one, cancelling their uploads under way (History marks them
   * Cancelled; the files stay in their folders and go again on the new connection).
   */
  reconnect(): Promise<void>;
  /** Stops every feed, cancelling its uploads (History marks them Cancelled). */
  dispose(): Promise<void>;
}

interface Live {
  runner: FeedRunner | null;
  /** The feed's alerts while it runs (null: none set, or not running). */
  alerts: FeedAlerts | null;
  state: 'no-token' | 'starting' | null;
  last: FeedLastFile | null;
  /** Which connection the feed started with (kept in memory only, like the token itself). */
  connection: string | null;
  /** A start under way (it waits for the connection and the alerts), so a second start joins it. */
  starting: Promise<void> | null;
  /** Bumped by every stop: a start that began before it must not leave a runner behind. */
  epoch: number;
}

const connectionKey = (c: Connection): string => JSON.stringify([c.apiUrl, c.sandbox, c.token ?? null]);

/** Creates the service; call startAll() once the app is ready. */
export function createFeedService(d: FeedServiceDeps): FeedService {
  const live = new Map<string, Live>();
  let disposed = false;

  const view = (f: StoredFeed): FeedView => {
    const l = live.get(f.id);
    const status = l?.runner?.status();
    const running: FeedView['state'] = status?.state === 'folder-missing' ? 'folder-missing' : status?.state === 'watching' ? 'watching' : 'starting';
    const state = f.paused ? 'paused' : l?.state ?? running;
    return { id: f.id, settings: f.settings, state, waiting: status?.waiting ?? 0, sending: status?.sending ?? 0, last: l?.last ?? null, failures: f.failures.map(shownFailure), ...alertView(l?.alerts) };
  };
  const overview = (): FeedsOverview => ({ feeds: d.store.list().map(view), canChooseFolder: d.canChooseFolder });
  const changed = (): void => {
    d.onSending([...live.values()].reduce((n, l) => n + (l.runner?.status().sending ?? 0), 0));
    d.onChange(overview());
  };

  // The feeds file is written one change at a time: events arrive while a save is under way.
  let writes: Promise<unknown> = Promise.resolve();
  const setFailures = (id: string, next: (failures: readonly FeedFailure[]) => readonly FeedFailure[]): Promise<void> => {
    const write = writes.then(async () => {
      const feed = d.store.list().find((f) => f.id === id);
      if (feed) await d.store.setFailures(id, next(feed.failures));
    });
    writes = write.catch(() => undefined);
    return write.then(changed);
  };
  /** Keeps the feed's failed files as its events say: one moved there, or one moved back and taken. */
  const noteFailures = (id: string, e: FeedEvent): void => {
    // A file left where it was (failed/ refused: a link, another account's) is not waiting there.
    if (e.kind === 'failed' && e.movedTo !== e.file) {
      const failure = { id: randomUUID(), name: basename(e.movedTo), message: e.error.message, hint: e.error.hint ?? null, errorFile: e.errorFile ? basename(e.errorFile) : '', at: new Date().toISOString() };
      void setFailures(id, (list) => [failure, ...list]).catch(() => undefined);
    } else if (e.kind === 'taken') {
      const name = basename(e.file);
      if (d.store.list().find((f) => f.id === id)?.failures.some((x) => x.name === name)) void setFailures(id, (list) => list.filter((x) => x.name !== name)).catch(() => undefined);
    }
  };

  /**
   * Starts a feed once: a second call while it starts joins the first, and a stop (pause,
   * remove, reconnect, quit) during the start's waits wins, so no runner is left behind
   * watching a folder nobody asked for (and keeping the process alive).
   */
  const start = (f: StoredFeed): Promise<void> => {
    if (f.paused || disposed) return Promise.resolve(); // a folder added while the app quits stays unwatched
    const l: Live = live.get(f.id) ?? { runner: null, alerts: null, state: null, last: null, connection: null, starting: null, epoch: 0 };
    if (l.runner) return Promise.resolve();
    if (l.starting) return l.starting;
    live.set(f.id, l);
    l.starting = begin(f, l, l.epoch).finally(() => {
      l.starting = null;
    });
    return l.starting;
  };
  const begin = async (f: StoredFeed, l: Live, epoch: number): Promise<void> => {
    l.state = 'starting';
    const c = await d.connection();
    if (l.epoch !== epoch) return;
    const { apiUrl, token, sandbox } = c;
    l.connection = connectionKey(c);
    if (!token) {
      l.state = 'no-token';
      return changed();
    }
    // Alerts that cannot start (a schedule no longer valid) leave the feed running without them.
    const alerts = await startAlertsFor(f, token, { secrets: d.secrets, history: d.history, resolveProxy: d.resolveProxy, onChange: changed }).catch(() => null);
    if (l.epoch !== epoch) {
      await alerts?.close(0);
      return;
    }
    l.state = null;
    l.alerts = alerts;
    l.runner = startFeed({
      feed: toFeedConfig(f.settings, d.presets.list()), concurrency: d.concurrency(), sendSettings: d.sendSettings,
      send: {
        apiUrl, token, sandbox, queue: d.queue(), history: d.history, ledgerDir: d.ledgerDir,
        tempRoot: d.tempRoot, audience: 'app', proxyFor: d.resolveProxy, tuning: d.tuning,
      },
      onEvent: (e) => {
        alerts?.onEvent(e);
        noteFailures(f.id, e);
        const last = lastFile(e);
        if (last) l.last = { ...last, at: new Date().toISOString() };
        changed();
      },
    });
    changed();
  };
  /** Stops a feed's runner; its last file is kept for the window unless it is forgotten (removed). */
  const stop = async (id: string, forget = false): Promise<void> => {
    const l = live.get(id);
    if (forget) live.delete(id);
    if (l) {
      l.epoch++;
      await l.starting; // it sees the new epoch and leaves nothing running
    }
    const runner = l?.runner;
    const alerts = l?.alerts;
    if (l) {
      l.runner = null;
      l.alerts = null;
    }
    await runner?.stop();
    // Alerts under way get a few seconds to arrive; the feed is stopped already.
    await alerts?.close(5000);
  };

  return {
    overview,
    async list() {
      // A file moved out of the failed folder (back to be sent, or away) is no longer waiting there.
      for (const f of d.store.list()) {
        const gone = new Set<string>();
        for (const x of f.failures) if (!(await stat(join(f.settings.path, FAILED_DIR, x.name)).then(() => true, () => false))) gone.add(x.id);
        if (gone.size > 0) await setFailures(f.id, (list) => list.filter((x) => !gone.has(x.id)));
      }
      return overview();
    },
    async update(id, value, confirmation = null) {
      const stored = await d.secrets.get(smtpSecretName(id)).catch(() => null);
      const { settings, smtpPassword } = parseFeedInput(value, stored !== null);
      if (settings.alerts?.expect) await parseExpectation(settings.alerts.expect);
      const before = d.store.list().find((f) => f.id === id)?.settings;
      // The folder stays the one confirmed; sending its files elsewhere, or deleting them, is asked again.
      if (before && reachesFurther(before, settings)) d.confirmAdd?.({ ...settings, path: before.path }, confirmation);
      const feed = await d.store.update(id, settings);
      if (smtpPassword !== null) await d.secrets.set(smtpSecretName(id), smtpPassword);
      if (!feed.paused) {
        await stop(id);
        await start(feed);
      }
      changed();
      return overview();
    },
    async dismiss(id, failureId) {
      await setFailures(id, (list) => list.filter((x) => x.id !== failureId));
      return overview();
    },
    async add(value, confirmation = null) {
      const { settings, smtpPassword } = parseFeedInput(value);
      if (!(await stat(settings.path).then((s) => s.isDirectory(), () => false))) {
        throw usageError(`${settings.path} is not a folder on this computer.`, 'Type the full path of an existing folder (or create it first).');
      }
      if (settings.alerts?.expect) await parseExpectation(settings.alerts.expect);
      d.confirmAdd?.(settings, confirmation);
      const feed = await d.store.add(settings);
      if (smtpPassword !== null) await d.secrets.set(smtpSecretName(feed.id), smtpPassword);
      await start(feed);
      return overview();
    },
    async setPaused(id, paused) {
      const feed = await d.store.setPaused(id, paused);
      if (paused) await stop(id);
      else await start(feed);
      changed();
      return overview();
    },
    async remove(id) {
      await d.store.remove(id);
      await stop(id, true);
      await d.secrets.clear(smtpSecretName(id)).catch(() => undefined);
      changed();
      return overview();
    },
    async testAlert(id) {
      const feed = d.store.list().find((f) => f.id === id);
      if (!feed?.settings.alerts) throw usageError('This watched folder has no alerts set.', 'Remove it and add it again with a webhook or a mail address.');
      // A running feed's own channels (their state then shows the result); else channels made for the test.
      const running = live.get(id)?.alerts;
      const alerts = running ?? await startAlertsFor({ ...feed, settings: { ...feed.settings, alerts: { ...feed.settings.alerts, expect: null } } }, null, {
        secrets: d.secrets, history: d.history, resolveProxy: d.resolveProxy, onChange: () => undefined,
      });
      if (!alerts) return [];
      const results = await alerts.test();
      if (!running) await alerts.close(0);
      changed();
      return results.map((r) => ({ ...r }));
    },
    async startAll() {
      await Promise.all(d.store.list().map((f) => start(f).catch(() => undefined)));
    },
    async reconnect() {
      const now = await d.connection().then(connectionKey, () => null);
      if (now === null) return; // no connection to move to (the embedded sandbox did not start)
      const stale = d.store.list().filter((f) => !f.paused && live.has(f.id) && live.get(f.id)?.connection !== now);
      // A feed that cannot start again shows it in its state; the save that triggered this still stands.
      await Promise.all(stale.map((f) => stop(f.id).then(() => start(f)).catch(() => undefined)));
      if (stale.length > 0) changed();
    },
    async dispose() {
      disposed = true;
      await Promise.all([...live.keys()].map((id) => stop(id, true)));
      await writes; // the feeds file is whole when the app quits
    },
  };
}
