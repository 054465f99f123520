/**
 * What each conversion left out, remembered so an upload of its output can say it:
 * "Sent 2,620 records; 880 left out". The counts are the conversion report's own
 * (rows read, records written, rows rejected).
 *
 * Why a ledger in the config folder rather than a report file beside the output: a file such as
 * `customers.ndjson.report.json` next to the data would be swept up by `lexer-upload upload out/*`
 * and sent to Lexer as JSON, and it would be stale the moment the NDJSON was edited. Here each
 * entry is keyed by the output's absolute path, size and modification time, so an edited or
 * replaced file simply has no entry (nothing is claimed that is no longer true), and the app and
 * `lexer-upload` share it as they share the upload history. It keeps the last
 * {@link MAX_CONVERSIONS} conversions; a lost write only loses this note, never an upload.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export interface ConversionRecord {
  /** Absolute path of the NDJSON written. */
  readonly output: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Absolute path of the CSV or JSON converted. */
  readonly source: string;
  readonly recordType: string;
  /** Rows (or array items) read from the source; orders, when its rows were grouped into orders. */
  readonly rows: number;
  /** Records written to the output. */
  readonly written: number;
  /** Rows (or orders) left out because they broke the record type. */
  readonly rejected: number;
  /** Lines of the CSV read when its rows were grouped into orders (`rows` and `rejected` then count orders). */
  readonly lines?: number;
  /** Invalid optional fields left out of records that were kept (leave out invalid fields), and which fields, most often first. */
  readonly fieldsLeftOut?: number;
  readonly leftOutFields?: readonly string[];
  readonly convertedAt: string;
}

export const MAX_CONVERSIONS = 200;
const FILE_NAME = 'conversions.json';

async function readLedger(dir: string): Promise<ConversionRecord[]> {
  try {
    const data: unknown = JSON.parse(await readFile(join(dir, FILE_NAME), 'utf8'));
    const list = (data as { conversions?: unknown }).conversions;
    return Array.isArray(list) ? list.filter(isRecord) : [];
  } catch {
    return []; // none yet, or damaged: a conversion note is a courtesy, never a reason to fail
  }
}

function isRecord(v: unknown): v is ConversionRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.output === 'string' && typeof r.source === 'string' && typeof r.recordType === 'string'
    && ['size', 'mtimeMs', 'rows', 'written', 'rejected'].every((k) => typeof r[k] === 'number');
}

/** Remembers a finished conversion of `source` into `output` (stat-ed now, as written). */
export async function recordConversion(
  dir: string,
  c: { output: string; source: string; recordType: string; rows: number; written: number; rejected: number; lines?: number; fieldsLeftOut?: number; leftOutFields?: readonly string[] },
): Promise<void> {
  const output = resolve(c.output);
  const info = await stat(output);
  const entry: ConversionRecord = {
    ...c, output, source: resolve(c.source), size: info.size, mtimeMs: info.mtimeMs, convertedAt: new Date().toISOString(),
  };
  const kept = (await readLedger(dir)).filter((r) => r.output !== output);
  const next = [entry, ...kept].slice(0, MAX_CONVERSIONS);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(join(dir, FILE_NAME), `${JSON.stringify({ version: 1, conversions: next }, null, 2)}\n`, { mode: 0o600 });
}

/** The conversion that wrote the file at `path` as it is now, or null (edited since, or never converted). */
export async function findConversion(dir: string, path: string): Promise<ConversionRecord | null> {
  const output = resolve(path);
  const info = await stat(output).catch(() => null);
  if (!info) return null;
  return (await readLedger(dir)).find((r) => r.output === output && r.size === info.size && r.mtimeMs === info.mtimeMs) ?? null;
}
