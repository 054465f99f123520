/**
 * A CSV (or a JSON array) converted to NDJSON to be sent, and its counts noted in the conversion
 * ledger, so the upload of the output can say how many rows were left out ("Sent 2,620 records;
 * 880 left out"). The app's Convert and a watched folder write into a folder of their own that
 * only this user can read, since the rows are customers' data; `lexer-upload convert` writes
 * where the person asked. The app's Convert, `lexer-upload convert` and a watched folder all
 * convert through here.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../config/private-dir.js';
import type { ConversionResult, ConvertOptions } from '../pipeline/convert-to-ndjson.js';

/** Where the NDJSON goes. */
export type ConversionTarget =
  /** Where the person asked; unset: beside the input, named as the converter names it. */
  | { readonly kind: 'named'; readonly path?: string | undefined }
  /** `name` in a new folder under `root` (0700, made for this conversion; the output 0600), removed by `dispose`. */
  | { readonly kind: 'private-folder'; readonly root: string; readonly prefix: string; readonly name: string };

/** A finished conversion: `result.output` is the NDJSON written. */
export interface ConvertedFile {
  readonly result: ConversionResult;
  /** Removes the private folder and the output in it; leaves an output the person named. */
  dispose(): Promise<void>;
}

/**
 * A conversion's counts in records: rows read, records written, rows left out; or, with rows
 * grouped into orders, orders (an order of three lines is one record sent or left out), with the
 * lines read beside them.
 */
export function recordCounts(result: ConversionResult): { rows: number; written: number; rejected: number; lines?: number } {
  if (result.orders) return { rows: result.orders.written + result.orders.refused, written: result.orders.written, rejected: result.orders.refused, lines: result.rows };
  return { rows: result.rows, written: result.written, rejected: result.rejected };
}

/** The output's path and how to remove it again. */
async function place(target: ConversionTarget): Promise<{ output: string | undefined; dispose: () => Promise<void> }> {
  switch (target.kind) {
    case 'named':
      return { output: target.path, dispose: async () => undefined };
    case 'private-folder': {
      // mkdtemp makes the folder readable by this user only, whatever the umask.
      const dir = await mkdtemp(join(target.root, target.prefix));
      return { output: join(dir, target.name), dispose: () => rm(dir, { recursive: true, force: true }) };
    }
    default: {
      const _exhaustive: never = target;
      return _exhaustive;
    }
  }
}

/**
 * Converts `source` for `o.recordType` into `o.target` and notes the counts in the ledger in
 * `o.ledgerDir` (unless a stop at the first invalid row left no output). A lost ledger write only
 * loses that note. A private folder is removed again when the conversion fails.
 */
export async function convertToSend(
  source: string,
  o: Omit<ConvertOptions, 'output'> & { readonly target: ConversionTarget; readonly ledgerDir: string },
): Promise<ConvertedFile> {
  const { target, ledgerDir, ...options } = o;
  const { output, dispose } = await place(target);
  try {
    // Loaded when converting: nothing else a command or the app starts with needs the converter.
    const { convertToNdjson } = await import('../pipeline/convert-to-ndjson.js');
    const result = await convertToNdjson(source, { ...options, ...(output !== undefined ? { output } : {}) });
    if (target.kind === 'private-folder') await chmod(result.output, PRIVATE_FILE_MODE).catch(() => undefined);
    if (!result.stoppedEarly) {
      const { recordConversion } = await import('../history/conversion-ledger.js');
      // Which fields were left out, most often first (the summary is by field and rule).
      const leftOutFields = [...new Set(result.leftOut.summary.map((g) => g.field))];
      const counts = { ...recordCounts(result), fieldsLeftOut: result.leftOut.fields, leftOutFields };
      await recordConversion(ledgerDir, { output: result.output, source, recordType: options.recordType, ...counts }).catch(() => undefined);
    }
    return { result, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
