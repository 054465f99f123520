/**
 * A watched folder's settings as they arrive from the window (or the feeds file): every field
 * checked as unknown and rebuilt, and turned into the engine's feed.
 */
import type { FeedAfter, FeedSettings } from '../../contract/feeds.js';
import type { DateOrder, MappingPreset } from '../../contract/jobs.js';
import { DEFAULT_PATTERNS, parsePatterns, type FeedConfig } from '../../engine/feeds/feed-config.js';
import { asEncoding, asFilePath, parseDateOrders, parseDestination } from '../channels/request-parsers.js';
import { usageError } from '../channels/result.js';
import { asBoolean, asObject, asOptionalText } from '../channels/validators.js';
import { parseAlertSettings } from './feed-alert-settings.js';

const AFTER: readonly FeedAfter[] = ['sent', 'leave', 'delete'];
const FIELDS = ['path', 'patterns', 'destination', 'convert', 'presetName', 'dateOrder', 'dateOrders', 'leaveOutInvalidFields', 'encoding', 'validate', 'gzip', 'quietSeconds', 'after', 'polling', 'alerts', 'groupBy', 'hashEmails'];
const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

/** Checks a feed's settings as stored (a mail password, if any, is in the vault already). */
export function parseFeedSettings(value: unknown): FeedSettings {
  return parseFeedInput(value, true).settings;
}

/** Checks a feed's settings field by field, taking out the mail password given with them. */
export function parseFeedInput(value: unknown, hasStoredPassword = false): { settings: FeedSettings; smtpPassword: string | null } {
  const o = asObject(value, 'feed', FIELDS);
  const alerts = parseAlertSettings(o.alerts, hasStoredPassword);
  const patterns = asOptionalText(o.patterns, 'File names to take', 1000).trim();
  const quietSeconds = o.quietSeconds;
  if (typeof quietSeconds !== 'number' || !Number.isFinite(quietSeconds) || quietSeconds < 0 || quietSeconds > 86_400) {
    throw usageError('Wait until unchanged must be a number of seconds from 0 to 86400.', 'Type how many seconds a file must stay unchanged, e.g. 10.');
  }
  if (typeof o.after !== 'string' || !AFTER.includes(o.after as FeedAfter)) throw usageError("after must be 'sent', 'leave' or 'delete'.");
  const destination = parseDestination(o.destination ?? null);
  const convert = asBoolean(o.convert, 'convert');
  const presetName = o.presetName === null || o.presetName === undefined ? null : asOptionalText(o.presetName, 'presetName', 100) || null;
  const groupBy = o.groupBy === null || o.groupBy === undefined ? null : asOptionalText(o.groupBy, 'One record per', 1000).trim() || null;
  const hashEmails = o.hashEmails !== undefined && asBoolean(o.hashEmails, 'hashEmails');
  // Absent in folders saved by earlier versions: read from each file, nothing left out.
  if (o.dateOrder !== undefined && o.dateOrder !== null && !DATE_ORDERS.includes(o.dateOrder as DateOrder)) throw usageError('dateOrder must be dmy, mdy, ymd or null.');
  const converts = destination !== null && convert;
  const settings: FeedSettings = {
    path: asFilePath(o.path, 'Folder'), patterns: patterns || DEFAULT_PATTERNS.join(' '), destination,
    convert: converts, presetName: converts ? presetName : null,
    dateOrder: converts ? ((o.dateOrder as DateOrder | null | undefined) ?? null) : null,
    dateOrders: converts && o.dateOrders !== undefined ? parseDateOrders(o.dateOrders, 'dateOrders') : {},
    leaveOutInvalidFields: converts && o.leaveOutInvalidFields !== undefined && asBoolean(o.leaveOutInvalidFields, 'leaveOutInvalidFields'),
    encoding: converts && o.encoding !== undefined && o.encoding !== null ? asEncoding(o.encoding) : null,
    validate: destination !== null && asBoolean(o.validate, 'validate'), gzip: asBoolean(o.gzip, 'gzip'),
    quietSeconds, after: o.after as FeedAfter, polling: asBoolean(o.polling, 'polling'),
    ...(alerts ? { alerts: alerts.alerts } : {}),
    ...(converts && groupBy ? { groupBy } : {}), ...(hashEmails ? { hashEmails } : {}),
  };
  return { settings, smtpPassword: alerts?.password ?? null };
}

/**
 * The engine's feed for these settings; the preset named is looked up among the saved ones. The
 * folder's per-column date orders go over the preset's, and its one order for every column
 * applies to the columns neither names.
 */
export function toFeedConfig(s: FeedSettings, presets: readonly MappingPreset[]): FeedConfig {
  const preset = s.presetName && s.destination ? presets.find((p) => p.name === s.presetName && p.recordType === s.destination?.recordType) : undefined;
  const dateOrders = { ...preset?.mapping.dateOrders, ...s.dateOrders };
  const columns = preset ? { columns: { ...preset.mapping.columns } } : {};
  // The folder's own "One record per" over its preset's.
  const grouping = s.groupBy ? { groupBy: s.groupBy } : {};
  const mapping = preset || Object.keys(dateOrders).length > 0 || s.groupBy ? { ...preset?.mapping, ...columns, dateOrders, ...grouping } : null;
  return {
    path: s.path, patterns: parsePatterns(s.patterns), destination: s.destination,
    convert: s.convert
      ? {
        mapping, presetName: s.presetName, ...(s.dateOrder ? { dateOrder: s.dateOrder } : {}),
        ...(s.leaveOutInvalidFields ? { leaveOutInvalidFields: true } : {}), ...(s.encoding ? { encoding: s.encoding } : {}),
      }
      : null,
    ...(s.hashEmails ? { hashEmails: true } : {}),
    // Unchecked: every file as it is; checked: NDJSON compressed, CSV and JSON as they are (as a dropped file).
    ...(s.gzip ? {} : { gzip: false }),
    validate: s.validate, quietSeconds: s.quietSeconds, after: s.after, polling: s.polling,
  };
}
