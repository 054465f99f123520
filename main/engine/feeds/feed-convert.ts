/**
 * A feed's CSV converted to NDJSON for its record type before sending (issue 12), as the app's
 * Convert does: into a private temporary folder, the feed's mapping laid over the suggestions for
 * this file's headers, and the counts noted in the conversion ledger so History says how many
 * records went and how many rows were left out.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { LexerError } from '../errors.js';
import type { ColumnMapping } from '../pipeline/column-mapping.js';
import type { DateOrder } from '../pipeline/convert/date-order.js';
import type { ConversionResult } from '../pipeline/convert-to-ndjson.js';
import type { SendDestination } from '../send/send-types.js';

/** A conversion's output, to send and then remove. */
export interface FeedConversion {
  readonly path: string;
  readonly result: ConversionResult;
  dispose(): Promise<void>;
}

/** The mapping for this file: the feed's columns over the suggestions for its own headers. */
async function mappingFor(file: string, destination: SendDestination, mapping: Partial<ColumnMapping> | null): Promise<Partial<ColumnMapping>> {
  if (!mapping?.columns) return mapping ?? {};
  const [{ resolveMapHeaders, suggestMapping }, { previewCsv }] = await Promise.all([
    import('../pipeline/column-mapping.js'), import('../pipeline/csv-preview.js'),
  ]);
  const { headers } = await previewCsv(file, { rows: 1 });
  return { ...mapping, columns: { ...suggestMapping(headers, destination.recordType).columns, ...resolveMapHeaders(headers, mapping.columns, basename(file)) } };
}

/** Converts `file` (CSV or a JSON array) to NDJSON in a temporary folder; throws a LexerError the feed reports. */
export async function convertForFeed(
  file: string, destination: SendDestination, o: { mapping: Partial<ColumnMapping> | null; dateOrder?: DateOrder | undefined; tempRoot?: string | undefined; ledgerDir: string; signal: AbortSignal },
): Promise<FeedConversion> {
  const mapping = await mappingFor(file, destination, o.mapping);
  const dir = await mkdtemp(join(o.tempRoot ?? tmpdir(), 'lexer-feed-'));
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const { convertToNdjson } = await import('../pipeline/convert-to-ndjson.js');
    const output = join(dir, `${basename(file, extname(file))}.ndjson`);
    const result = await convertToNdjson(file, { recordType: destination.recordType, mapping, output, signal: o.signal, ...(o.dateOrder ? { dateOrder: o.dateOrder } : {}) });
    if (result.written === 0) {
      throw new LexerError('invalid-records', `None of the ${result.rows} rows of ${basename(file)} is a valid ${destination.recordType} record, so nothing was sent.`, {
        hint: 'Check the columns against the record type (lexer-upload convert shows each problem), fix the file and put it back.',
      });
    }
    const { recordConversion } = await import('../history/conversion-ledger.js');
    await recordConversion(o.ledgerDir, { output, source: file, recordType: destination.recordType, rows: result.rows, written: result.written, rejected: result.rejected }).catch(() => undefined);
    return { path: output, result, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
