/**
 * The channel map between the window and main: every channel to its argument tuple and result.
 * Main's handlers, the preload's API object and the browser host's loopback transport are all
 * typed from this map, so a change here breaks every side at once.
 *
 * Values crossing the bridge are plain data (structured-clone and JSON safe): no class
 * instances, no functions, never the API token.
 */
import type { RecordTypeName } from '../engine/schemas/record-type-names.js';
import type { CurrentUpload, LoginItem, ShowRequest } from './desktop.js';
import type { FeedAlertChannel, FeedSettings, FeedsOverview } from './feeds.js';
import type { CsvPreview, FileInfo, NameCheck } from './files.js';
import type { HistoryEntry } from './history.js';
import type { ColumnMapping, ConversionReport, ConvertRequest, FieldOption, JobProgress, MappingPreset, TextEncoding, ValidationReport } from './jobs.js';
import type { AppSettings, SandboxStatus, TokenCheck, TokenCheckTarget, TokenStatus, TokenStorageChoice } from './settings.js';
import type { UploadRequest, UploadState, UploadStateEvent } from './uploads.js';

/** Request/response channels: name to [argument tuple, result value]. */
export interface InvokeChannels {
  'settings:get': [[], AppSettings];
  'settings:update': [[patch: Partial<AppSettings>], AppSettings];
  'sandbox:status': [[], SandboxStatus];
  'token:status': [[], TokenStatus];
  'token:save': [[token: string, storage: TokenStorageChoice], TokenStatus];
  'token:clear': [[], TokenStatus];
  'token:check': [[target: TokenCheckTarget | null], TokenCheck];
  'files:inspect': [[path: string], FileInfo];
  'files:check-name': [[name: string], NameCheck];
  /** A copy the app made (staged in the browser host, or a conversion output) is no longer needed: delete it. */
  'files:release': [[path: string], boolean];
  /** `encoding`: the one the person chose on the card, or null to detect it. */
  'preview:csv': [[path: string, rows: number, recordType: RecordTypeName | null, encoding: TextEncoding | null], CsvPreview];
  /** `groupBy`: the column rows are grouped by into orders (line-item headers are suggested then), or null. */
  'mapping:suggest': [[headers: readonly string[], recordType: RecordTypeName, groupBy: string | null], ColumnMapping];
  /** `lineItems`: rows are grouped into orders, so each item's fields (`products.quantity`) are offered too. */
  'schema:fields': [[recordType: RecordTypeName, lineItems: boolean], readonly FieldOption[]];
  'presets:list': [[], readonly MappingPreset[]];
  'presets:save': [[preset: MappingPreset], readonly MappingPreset[]];
  'presets:delete': [[name: string, recordType: RecordTypeName], readonly MappingPreset[]];
  'jobs:validate': [[jobId: string, path: string, recordType: RecordTypeName], ValidationReport];
  'jobs:convert': [[jobId: string, request: ConvertRequest], ConversionReport];
  'jobs:cancel': [[jobId: string], boolean];
  'jobs:export-errors': [[jobId: string], string];
  'uploads:start': [[request: UploadRequest], UploadState];
  'uploads:cancel': [[id: string], boolean];
  'history:list': [[], readonly HistoryEntry[]];
  /** Every upload, the archives of older ones included, as CSV (the columns of `lexer-upload history --csv`). */
  'history:export': [[], string];
  'feeds:list': [[], FeedsOverview];
  /** `confirmation`: the code the browser host showed in its terminal for these settings (null until asked). */
  'feeds:add': [[settings: FeedSettings, confirmation: string | null], FeedsOverview];
  'feeds:set-paused': [[id: string, paused: boolean], FeedsOverview];
  'feeds:remove': [[id: string], FeedsOverview];
  /** Sends a test alert on each of the feed's channels; resolves with how each did. */
  'feeds:test-alert': [[id: string], readonly FeedAlertChannel[]];
  /** New settings for a folder (its path stays): it is watched with them from now on. */
  'feeds:update': [[id: string, settings: FeedSettings, confirmation: string | null], FeedsOverview];
  /** Takes a failed file off the folder's row (the file stays in the failed folder). */
  'feeds:dismiss': [[id: string, failureId: string], FeedsOverview];
  /** The host's folder chooser; null when cancelled (or when the host has none). */
  'feeds:choose-folder': [[], string | null];
  'shell:open-external': [[url: string], boolean];
  /** Files the system asked the app to open (Open with, a double-click, the command line) and not yet taken; taking them empties the list. */
  'desktop:take-opened-files': [[], readonly string[]];
  /** What a clicked notification asked the window to show, if it has not shown it yet. */
  'desktop:take-show': [[], ShowRequest | null];
  /** The uploads running now, for a window that opens while they run (its cards were lost with the old window). */
  'desktop:current-uploads': [[], readonly CurrentUpload[]];
  'desktop:login-item': [[], LoginItem];
  'desktop:set-login-item': [[openAtLogin: boolean], LoginItem];
}

/** Events pushed from main to the window: name to payload. */
export interface EventChannels {
  'uploads:state': UploadStateEvent;
  'jobs:progress': JobProgress;
  /** A watched folder changed state or handled a file. */
  'feeds:changed': FeedsOverview;
  /** The system asked the app to open files: take them with `desktop:take-opened-files`. */
  'desktop:files-opened': null;
  /** A notification was clicked: take what to show with `desktop:take-show`. */
  'desktop:show': null;
}

export type InvokeChannel = keyof InvokeChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C][0];
export type InvokeResult<C extends InvokeChannel> = InvokeChannels[C][1];
export type EventChannel = keyof EventChannels;

/** The list of channels, for handlers that must register every one (checked against the map). */
export const INVOKE_CHANNELS = [
  'settings:get', 'settings:update', 'sandbox:status', 'token:status', 'token:save', 'token:clear', 'token:check',
  'files:inspect', 'files:check-name', 'files:release', 'preview:csv', 'mapping:suggest', 'schema:fields',
  'presets:list', 'presets:save', 'presets:delete', 'jobs:validate',
  'jobs:convert', 'jobs:cancel', 'jobs:export-errors', 'uploads:start', 'uploads:cancel',
  'history:list', 'history:export', 'feeds:list', 'feeds:add', 'feeds:set-paused', 'feeds:remove', 'feeds:update', 'feeds:dismiss', 'feeds:test-alert',
  'feeds:choose-folder', 'shell:open-external',
  'desktop:take-opened-files', 'desktop:take-show', 'desktop:current-uploads', 'desktop:login-item', 'desktop:set-login-item',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = ['uploads:state', 'jobs:progress', 'feeds:changed', 'desktop:files-opened', 'desktop:show'] as const satisfies readonly EventChannel[];
