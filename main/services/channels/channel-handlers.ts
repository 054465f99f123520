/**
 * The body of each channel: validate the `unknown` arguments, call the service or the engine,
 * map the result to the contract's DTO. Errors are thrown as LexerError and turned into a
 * `Result` by the wrapper in create-app-services.ts.
 */
import { basename } from 'node:path';
import type { InvokeChannel, InvokeResult } from '../../../main/contract/channels.js';
import type { HistoryEntry } from '../../../main/contract/history.js';
import { checkToken } from '../../engine/api/api-client.js';
import type { UploadHistory } from '../../engine/history/upload-history.js';
import { suggestMapping } from '../../engine/pipeline/column-mapping.js';
import { previewCsv } from '../../engine/pipeline/csv-preview.js';
import { getRecordType } from '../../engine/schemas/record-types.js';
import { isAllowedExternalUrl } from '../shell/external-links.js';
import { checkName, inspectFile } from '../files/inspect-file.js';
import type { Connection } from '../settings/connection.js';
import type { EmbeddedSandbox } from '../settings/embedded-sandbox.js';
import type { FeedService } from '../feeds/feed-service.js';
import type { FileAccessCheck } from '../files/file-access.js';
import type { JobService } from '../jobs/job-service.js';
import type { PresetStore } from '../settings/preset-store.js';
import { asFilePath, parseConvertRequest, parseUploadRequest } from './request-parsers.js';
import { usageError } from './result.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { TokenService } from '../token/token-service.js';
import type { UploadService } from '../uploads/upload-service.js';
import { releaseCopy } from '../files/temp-copies.js';
import { asBoolean, asHttpUrl, asId, asInteger, asObject, asRecordType, asString, asStringArray, expectArgs } from './validators.js';

export type RawHandlers = { [C in InvokeChannel]: (...args: unknown[]) => Promise<InvokeResult<C>> };

export interface ChannelDeps {
  settings: SettingsStore;
  sandbox: EmbeddedSandbox;
  connection: () => Promise<Connection>;
  tokens: TokenService;
  jobs: JobService;
  uploads: UploadService;
  history: UploadHistory;
  presets: PresetStore;
  /** Folders of copies the app made and may delete (`files:release`): conversion outputs, staged files. */
  copyRoots: readonly string[];
  /** The embedded sandbox's connection, for checking the token against it before the setting is saved. */
  sandboxConnection: () => Promise<Connection>;
  resolveProxy?: ((url: string) => Promise<string | null>) | undefined;
  openExternal?: ((url: string) => Promise<void>) | undefined;
  /** Which files path arguments may name (the browser host: only files the user gave it); all when absent. */
  checkFile?: FileAccessCheck | undefined;
  feeds: FeedService;
  /** The desktop's folder chooser; absent in the browser host. */
  chooseFolder?: (() => Promise<string | null>) | undefined;
}

/** The history entry as the renderer sees it (no internal timestamps it does not show). */
function toHistoryDto(e: ReturnType<UploadHistory['list']>[number]): HistoryEntry {
  return {
    id: e.id, uploadId: e.uploadId, filePath: e.filePath, filename: e.filename, datasetId: e.datasetId,
    recordType: e.recordType, bytes: e.bytes, status: e.status, createdAt: e.createdAt, finishedAt: e.finishedAt,
    error: e.error ? { code: e.error.code, message: e.error.message, ...(e.error.hint ? { hint: e.error.hint } : {}) } : null,
    interrupted: e.interrupted,
    sandbox: e.sandbox ?? false,
    sourceName: e.sourceName ?? basename(e.filePath),
    requestId: e.requestId ?? null,
    recordsSent: e.recordsSent ?? null,
    recordsLeftOut: e.recordsLeftOut ?? null,
    compressed: e.compressed ?? false,
    sourceBytes: e.sourceBytes ?? null,
    parts: e.parts?.map(({ index, filename, status, bytes, uploadId }) => ({ index, filename, status, bytes, uploadId })) ?? null,
    feed: e.feed ?? null,
  };
}

/** Where "Check token" asks: the saved settings (null), or the URL and sandbox choice on screen. */
async function checkTarget(d: ChannelDeps, value: unknown): Promise<Connection> {
  if (value === null) return d.connection();
  const o = asObject(value, 'target', ['apiUrl', 'useSandbox']);
  if (asBoolean(o.useSandbox, 'useSandbox')) return d.sandboxConnection();
  return { apiUrl: asHttpUrl(o.apiUrl, 'API URL'), token: await d.tokens.current(), sandbox: false };
}

/** Builds the raw (throwing) handler for every channel. */
export function createChannelHandlers(d: ChannelDeps): RawHandlers {
  const n = (args: unknown[], count: number, channel: InvokeChannel) => expectArgs(args, count, channel);
  const allowed = async <T extends string | { path: string }>(value: T): Promise<T> => {
    const path = typeof value === 'string' ? value : value.path;
    // A file an earlier upload sent (the app's or lexer-upload's, for History's Retry) was given
    // to us by the user then, so it is accepted as well as this window's own files.
    if (d.checkFile && !d.history.list().some((e) => e.filePath === path)) await d.checkFile(path);
    return value;
  };
  return {
    'settings:get': async (...a) => (n(a, 0, 'settings:get'), d.settings.get()),
    'settings:update': async (...a) => {
      n(a, 1, 'settings:update');
      const saved = await d.settings.update(a[0]);
      await d.feeds.reconnect(); // the API URL or the sandbox may have changed
      return saved;
    },
    'sandbox:status': async (...a) => {
      n(a, 0, 'sandbox:status');
      const enabled = d.settings.get().useSandbox;
      // Start it when it is on, so the page can show where files land before the first upload.
      if (enabled) await d.sandbox.ensure();
      return { enabled, ...d.sandbox.status() };
    },
    'token:status': async (...a) => (n(a, 0, 'token:status'), d.tokens.status()),
    'token:save': async (...a) => {
      n(a, 2, 'token:save');
      const saved = await d.tokens.save(a[0], a[1]);
      await d.feeds.reconnect();
      return saved;
    },
    'token:clear': async (...a) => {
      n(a, 0, 'token:clear');
      const cleared = await d.tokens.clear();
      await d.feeds.reconnect();
      return cleared;
    },
    'token:check': async (...a) => {
      n(a, 1, 'token:check');
      const { apiUrl, token, sandbox } = await checkTarget(d, a[0]);
      if (!token) return { valid: false, message: 'No API token is saved yet. Paste one from the Hub and save it.' };
      const proxyUrl = d.resolveProxy ? await d.resolveProxy(apiUrl).catch(() => null) : null;
      const r = await checkToken({ apiUrl, token, proxyUrl });
      const note = sandbox ? ' (This checked a sandbox on this computer, not Lexer.)' : '';
      return { valid: r.valid, message: `${r.message}${note}` };
    },
    'files:inspect': async (...a) => (n(a, 1, 'files:inspect'), inspectFile(await allowed(asFilePath(a[0])))),
    'files:check-name': async (...a) => (n(a, 1, 'files:check-name'), checkName(asString(a[0], 'name', 1024))),
    'files:release': async (...a) => (n(a, 1, 'files:release'), releaseCopy(d.copyRoots, asFilePath(a[0]))),
    'preview:csv': async (...a) => {
      n(a, 3, 'preview:csv');
      const recordType = a[2] === null ? null : asRecordType(a[2]);
      const p = await previewCsv(await allowed(asFilePath(a[0])), { rows: asInteger(a[1], 'rows', 1, 1000), recordType });
      const dateColumns = p.dateColumns.map((d) => ({ header: d.header, state: d.state, order: d.order, example: d.example, counter: d.counter ?? null }));
      return { encoding: p.encoding, delimiter: p.delimiter, lineEnding: p.lineEnding, headers: p.headers, rows: p.rows, issues: p.issues, notes: p.notes, dateColumns };
    },
    'mapping:suggest': async (...a) => {
      n(a, 2, 'mapping:suggest');
      const m = suggestMapping(asStringArray(a[0], 'headers'), asRecordType(a[1]));
      return { columns: { ...m.columns }, unknownColumns: m.unknownColumns, inferCustomTypes: m.inferCustomTypes };
    },
    'schema:fields': async (...a) => {
      n(a, 1, 'schema:fields');
      // Array items (`products[].sku`) cannot come from one CSV column, and custom_fields is
      // offered per column by the renderer, so both are left out of the choices.
      return getRecordType(asRecordType(a[0])).fields
        .filter((f) => !f.path.includes('[]') && f.path !== 'custom_fields' && f.kind !== 'object')
        .map((f) => ({ path: f.path, required: f.required, description: f.description ?? null, kind: f.kind }));
    },
    'presets:list': async (...a) => (n(a, 0, 'presets:list'), d.presets.list()),
    'presets:save': async (...a) => (n(a, 1, 'presets:save'), d.presets.save(a[0])),
    'presets:delete': async (...a) => (n(a, 2, 'presets:delete'), d.presets.remove(asString(a[0], 'name', 100), asRecordType(a[1]))),
    'jobs:validate': async (...a) => (n(a, 3, 'jobs:validate'), d.jobs.validate(asId(a[0], 'jobId'), await allowed(asFilePath(a[1])), asRecordType(a[2]))),
    'jobs:convert': async (...a) => (n(a, 2, 'jobs:convert'), d.jobs.convert(asId(a[0], 'jobId'), await allowed(parseConvertRequest(a[1])))),
    'jobs:cancel': async (...a) => (n(a, 1, 'jobs:cancel'), d.jobs.cancel(asId(a[0], 'jobId'))),
    'jobs:export-errors': async (...a) => (n(a, 1, 'jobs:export-errors'), d.jobs.exportErrors(asId(a[0], 'jobId'))),
    'uploads:start': async (...a) => (n(a, 1, 'uploads:start'), d.uploads.start(await allowed(parseUploadRequest(a[0])))),
    'uploads:cancel': async (...a) => (n(a, 1, 'uploads:cancel'), d.uploads.cancel(asId(a[0], 'id'))),
    'history:list': async (...a) => {
      n(a, 0, 'history:list');
      // Read the file again: uploads `lexer-upload` made since the app opened must appear (issue 9, item 17).
      await d.history.refresh();
      return d.history.list().map(toHistoryDto);
    },
    'feeds:list': async (...a) => (n(a, 0, 'feeds:list'), d.feeds.overview()),
    'feeds:add': async (...a) => (n(a, 1, 'feeds:add'), d.feeds.add(a[0])),
    'feeds:set-paused': async (...a) => (n(a, 2, 'feeds:set-paused'), d.feeds.setPaused(asId(a[0], 'id'), asBoolean(a[1], 'paused'))),
    'feeds:remove': async (...a) => (n(a, 1, 'feeds:remove'), d.feeds.remove(asId(a[0], 'id'))),
    'feeds:choose-folder': async (...a) => (n(a, 0, 'feeds:choose-folder'), d.chooseFolder ? d.chooseFolder() : null),
    'shell:open-external': async (...a) => {
      n(a, 1, 'shell:open-external');
      if (!isAllowedExternalUrl(a[0])) {
        throw usageError('Only https links to Lexer (the Hub and its help pages) open from the app.', 'Copy the address and open it in your browser yourself.');
      }
      if (!d.openExternal) return false; // the browser host: the page opens its own links
      await d.openExternal(a[0]);
      return true;
    },
  };
}
