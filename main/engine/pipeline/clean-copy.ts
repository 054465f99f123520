/**
 * A cleaned copy of an NDJSON file for an upload that validated it first: when the
 * only invalid rows are blank lines and byte-order marks, which Lexer's validator refuses, the
 * upload sends a copy without them instead of failing, and says so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { LexerError } from '../errors.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { convertToNdjson } from './convert-to-ndjson.js';
import type { Cleaned } from './convert/convert-ndjson.js';

export interface CleanCopy {
  /** The cleaned file, in a private temporary folder. */
  path: string;
  cleaned: Cleaned;
  /** Removes the copy and its folder. */
  dispose(): Promise<void>;
}

/** Writes `path` without its BOMs and blank lines to a private temporary folder (0700, file 0600). */
export async function writeCleanCopy(path: string, recordType: RecordTypeName, signal?: AbortSignal): Promise<CleanCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-clean-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const gz = /\.gz$/i.test(path);
    const output = join(dir, basename(path).replace(/\.gz$/i, '').replace(/\.(ndjson|jsonl)$/i, '') + (gz ? '.ndjson.gz' : '.ndjson'));
    const r = await convertToNdjson(path, { recordType, output, gzip: gz, ...(signal ? { signal } : {}) });
    if (r.rejected > 0) {
      throw new LexerError('invalid-records', `${r.rejected} records of ${path} are invalid, so the file was not uploaded.`, {
        hint: 'Fix the lines listed (or run `lexer-upload validate`), then upload again.',
      });
    }
    return { path: output, cleaned: r.cleaned, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
