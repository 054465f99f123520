/**
 * App settings kept in `<userData>/settings.json`: the API URL (Lexer's by default, or env
 * LEXER_API_URL), the default dataset ID, how many files upload at once, how big files go
 * (gzip on the way and its level, the part size), and whether e-mail addresses leave only hashed. Writes are atomic
 * (write-file-atomic) so a crash mid-write never leaves a half file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { AppSettings } from '../../contract/settings.js';
import { DEFAULT_API_URL } from '../../engine/api/default-api-url.js';
import { DEFAULT_GZIP_LEVEL } from '../../engine/compress/gzip-file.js';
import { toLexerError } from '../../engine/errors.js';
import { parsePartSize } from '../../engine/parts/part-size.js';
import { usageError } from '../channels/result.js';
import { asBoolean, asHttpUrl, asInteger, asObject, asOptionalText } from '../channels/validators.js';

export { DEFAULT_API_URL };

/** Lexer allows 10 requests per second per token; four parallel files stay well inside it. */
export const MAX_CONCURRENCY = 4;

export interface SettingsStore {
  get(): AppSettings;
  /** Validates the patch (as unknown) and saves; throws a `usage` LexerError on bad input. */
  update(patch: unknown): Promise<AppSettings>;
}

const KEYS = ['apiUrl', 'defaultDatasetId', 'concurrency', 'useSandbox', 'gzip', 'gzipLevel', 'partSize', 'hashEmails'] as const;

/** A part size as typed (`1GB`), checked as `lexer-upload --part-size` checks it; empty for the default. */
function asPartSize(value: unknown): string {
  const text = asOptionalText(value, 'Part size', 32).trim();
  if (text === '') return '';
  try {
    parsePartSize(text);
  } catch (error) {
    const e = toLexerError(error);
    throw usageError(e.message, e.hint);
  }
  return text;
}

/** The part size in bytes for a saved setting; undefined for the default (5 GiB). */
export function partBytesOf(settings: AppSettings): number | undefined {
  return settings.partSize ? parsePartSize(settings.partSize) : undefined;
}

/** Checks a patch from the renderer, keeping only known, well-formed fields. */
export function parseSettingsPatch(patch: unknown): Partial<AppSettings> {
  const o = asObject(patch, 'settings', KEYS);
  const out: { -readonly [K in keyof AppSettings]?: AppSettings[K] } = {};
  if (o.apiUrl !== undefined) out.apiUrl = asHttpUrl(o.apiUrl, 'API URL');
  if (o.defaultDatasetId !== undefined) out.defaultDatasetId = asOptionalText(o.defaultDatasetId, 'Default dataset ID').trim();
  if (o.concurrency !== undefined) out.concurrency = asInteger(o.concurrency, 'Concurrency', 1, MAX_CONCURRENCY);
  if (o.useSandbox !== undefined) out.useSandbox = asBoolean(o.useSandbox, 'Use the local sandbox');
  if (o.gzip !== undefined) out.gzip = asBoolean(o.gzip, 'Compress NDJSON');
  if (o.gzipLevel !== undefined) out.gzipLevel = asInteger(o.gzipLevel, 'Compression level', 1, 9);
  if (o.partSize !== undefined) out.partSize = asPartSize(o.partSize);
  if (o.hashEmails !== undefined) out.hashEmails = asBoolean(o.hashEmails, 'Send e-mail addresses only hashed');
  return out;
}

/** Reads a saved file leniently: a field that is missing or broken is left out (its default applies). */
function fromSaved(saved: unknown): Partial<AppSettings> {
  const s = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const out: { -readonly [K in keyof AppSettings]?: AppSettings[K] } = {};
  for (const key of KEYS) {
    try {
      Object.assign(out, parseSettingsPatch({ [key]: s[key] }));
    } catch {
      // a damaged field: keep the default rather than refuse to start
    }
  }
  return out;
}

/** Opens (or starts) the settings file in `dir`; `envApiUrl` overrides the Lexer default. */
export async function openSettings(dir: string, envApiUrl?: string | null): Promise<SettingsStore> {
  const file = join(dir, 'settings.json');
  const defaults: AppSettings = {
    apiUrl: envApiUrl?.trim() || DEFAULT_API_URL, defaultDatasetId: '', concurrency: 2, useSandbox: false,
    gzip: true, gzipLevel: DEFAULT_GZIP_LEVEL, partSize: '', hashEmails: false,
  };
  let saved: unknown = null;
  try {
    saved = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    saved = null; // first run, or a damaged file: start from the defaults
  }
  // Only what the person saved is written, so an unsaved API URL keeps following the
  // environment (LEXER_API_URL) instead of being frozen at its first value.
  let explicit = fromSaved(saved);
  return {
    get: () => ({ ...defaults, ...explicit }),
    async update(patch) {
      const next = { ...explicit, ...parseSettingsPatch(patch) };
      await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      explicit = next;
      return { ...defaults, ...explicit };
    },
  };
}
