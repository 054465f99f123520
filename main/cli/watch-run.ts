/**
 * `lexer-upload watch <dir>`: one feed run by the engine's feed runner
 * (main/engine/feeds/feed-runner.ts) with the same send context `upload` builds (token, shared queue,
 * rate limiter, History), until SIGINT/SIGTERM, or once through what is there with --once.
 */
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { isLocalApiUrl } from '../engine/api/local-api-url.js';
import { configDir } from '../engine/config/paths.js';
import { DEFAULT_PATTERNS, type AfterSend, type FeedConfig } from '../engine/feeds/feed-config.js';
import type { ColumnMapping } from '../engine/pipeline/column-mapping.js';
import type { DateOrder } from '../engine/pipeline/convert/date-order.js';
import type { TextEncoding } from '../engine/pipeline/csv/text-encodings.js';
import type { RecordTypeName } from '../engine/schemas/record-type-names.js';
import { createUploadQueue } from '../engine/upload/upload-queue.js';
import { resolveApiUrl, resolveToken } from './credentials.js';
import { openUploadHistory } from './open-history.js';
import { EXIT, UsageError, printError } from './output.js';
import { onInterrupt } from './wait-for-signal.js';
import type { AlertOptions } from './watch-alerts.js';
import { createWatchLog } from './watch-log.js';

/** The options of `lexer-upload watch`, as commander parsed them. */
export interface WatchOptions extends AlertOptions {
  datasetId?: string; recordType?: RecordTypeName; pattern?: string[]; convert?: boolean; map?: string[]; dateOrder?: DateOrder; leaveOutInvalidFields?: boolean; encoding?: TextEncoding;
  groupBy?: string; set?: string[]; hashEmails?: boolean;
  validate: boolean; gzip?: boolean; gzipLevel?: number; partSize?: number; quietSeconds: number; after: AfterSend; polling?: boolean; once?: boolean;
  concurrency: number; apiUrl?: string; apiToken?: string; apiTokenFile?: string; json?: boolean; fileOwner?: string[];
}

/** Options that ask for alerts (or say something about them, so a lone one is refused rather than ignored). */
const ALERT_OPTIONS = ['alertWebhook', 'alertEmail', 'smtpHost', 'smtpPort', 'smtpSecurity', 'smtpUser', 'smtpFrom', 'smtpPasswordFile', 'expectEvery', 'expectBy', 'testAlert'] as const;

/** The feed the options describe; a contradiction is a usage error. */
export async function feedFromOptions(dir: string, o: WatchOptions): Promise<FeedConfig> {
  const path = resolve(dir);
  if (!(await stat(path).then((s) => s.isDirectory(), () => false))) throw new UsageError(`${dir} is not a folder.`);
  if ((o.datasetId === undefined) !== (o.recordType === undefined)) {
    throw new UsageError('--dataset-id and --record-type go together: give both to load into a dataset, or neither to send to Lexer staff.');
  }
  if (o.datasetId !== undefined && o.datasetId.trim() === '') throw new UsageError('--dataset-id is empty.');
  if (o.convert && !o.recordType) throw new UsageError('--convert needs --dataset-id and --record-type (the record type to convert to).');
  if (o.map && !o.convert) throw new UsageError('--map goes with --convert.');
  if (o.dateOrder && !o.convert) throw new UsageError('--date-order goes with --convert (it reads the date columns of the CSV files converted).');
  if (o.encoding && !o.convert) throw new UsageError('--encoding goes with --convert (it reads the CSV files converted; NDJSON is UTF-8).');
  if (o.leaveOutInvalidFields && !o.convert) throw new UsageError('--leave-out-invalid-fields goes with --convert (it keeps converted records without their invalid optional fields).');
  if (o.groupBy !== undefined && !o.convert) throw new UsageError('--group-by goes with --convert (it groups the rows of the CSV files converted into orders).');
  if (o.set && !o.convert) throw new UsageError('--set goes with --convert (it fills a field of each record converted).');
  if (o.hashEmails && !o.recordType) {
    throw new UsageError('--hash-emails needs --dataset-id and --record-type: the record type says which fields hold e-mail addresses.');
  }
  let columns: Record<string, string | null> | undefined;
  let constants: Record<string, string> | undefined;
  if (o.map || o.set) {
    const { parseMapArgs, parseSetArgs } = await import('../engine/pipeline/column-mapping.js');
    try {
      columns = o.map ? parseMapArgs(o.map) : undefined;
      constants = o.set ? parseSetArgs(o.set) : undefined;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const parts: Partial<ColumnMapping> = { ...(columns ? { columns } : {}), ...(constants ? { constants } : {}), ...(o.groupBy !== undefined ? { groupBy: o.groupBy } : {}) };
  const mapping: Partial<ColumnMapping> | null = Object.keys(parts).length > 0 ? parts : null;
  const destination = o.datasetId && o.recordType ? { datasetId: o.datasetId.trim(), recordType: o.recordType } : null;
  const patterns = o.pattern ?? [...DEFAULT_PATTERNS];
  if (patterns.length === 0) throw new UsageError('--pattern is empty.');
  const { resolveFileOwners } = await import('./file-owners.js');
  const fileOwners = await resolveFileOwners(o.fileOwner ?? []);
  return {
    path, patterns, destination,
    convert: o.convert
      ? { mapping, presetName: null, ...(o.dateOrder ? { dateOrder: o.dateOrder } : {}), ...(o.leaveOutInvalidFields ? { leaveOutInvalidFields: true } : {}), ...(o.encoding ? { encoding: o.encoding } : {}) }
      : null,
    ...(o.gzip !== undefined ? { gzip: o.gzip } : {}),
    ...(o.gzipLevel !== undefined ? { gzipLevel: o.gzipLevel } : {}),
    ...(o.partSize !== undefined ? { partBytes: o.partSize } : {}),
    validate: destination !== null && o.validate, quietSeconds: o.quietSeconds, after: o.after, polling: Boolean(o.polling),
    ...(o.hashEmails ? { hashEmails: true } : {}),
    ...(fileOwners.length > 0 ? { fileOwners } : {}),
  };
}

/** Runs the feed until a signal (or, with --once, until the files there are done); returns the exit code. */
export async function runWatch(dir: string, o: WatchOptions): Promise<number> {
  const feed = await feedFromOptions(dir, o);
  const log = createWatchLog(feed.path, Boolean(o.json));
  // The alert modules (and nodemailer behind them) load only for a watch that sends alerts.
  const alerting = ALERT_OPTIONS.some((k) => o[k] !== undefined) ? await import('./watch-alerts.js') : null;
  const alertSetup = alerting ? await alerting.alertsFromOptions(o) : null;
  if (alerting && alertSetup && o.testAlert) return (await alerting.sendTestAlert(feed.path, alertSetup.settings, alertSetup.password, log)) ? EXIT.ok : EXIT.failed;
  const token = await resolveToken({ apiToken: o.apiToken, apiTokenFile: o.apiTokenFile });
  const apiUrl = resolveApiUrl(o.apiUrl);
  const history = await openUploadHistory();
  const { pruneStaleWorkspaces } = await import('../engine/compress/temp-workspace.js');
  await pruneStaleWorkspaces().catch(() => 0);
  const alerts = alerting && alertSetup ? await alerting.startWatchAlerts(feed.path, alertSetup, { token, history, log }) : null;
  let failures = 0;
  let historyWarned = false;
  const { startFeed } = await import('../engine/feeds/feed-runner.js');
  const runner = startFeed({
    feed, once: Boolean(o.once), concurrency: o.concurrency,
    send: {
      apiUrl, token, queue: createUploadQueue({ concurrency: o.concurrency }), history,
      sandbox: isLocalApiUrl(apiUrl), ledgerDir: configDir(), tempRoot: tmpdir(), audience: 'cli',
      onHistoryError: (error) => {
        if (historyWarned) return;
        historyWarned = true;
        printError(error, 'warning: could not update the upload history');
      },
    },
    onEvent: (e) => {
      if (e.kind === 'failed' || e.kind === 'kept') failures++;
      log.event(e);
      alerts?.onEvent(e);
    },
    onSendEvent: (file, e) => log.send(file, e),
  });
  const removeHandlers = onInterrupt(() => {
    log.line('stopping… (an upload under way is cancelled; press Ctrl+C again to quit at once)');
    void runner.stop();
  });
  try {
    await runner.done;
    // Alerts under way get a while to arrive (with --once, their tries in full); no upload waits for them.
    await alerts?.close(o.once ? 120_000 : 10_000);
    log.line('stopped');
    return o.once && failures > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    removeHandlers();
  }
}
