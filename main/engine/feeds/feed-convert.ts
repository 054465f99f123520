/**
 * A feed's CSV converted to NDJSON for its record type before sending, as the app's Convert does
 * (main/engine/send/convert-to-send.ts): into a private temporary folder, the feed's mapping laid
 * over the suggestions for this file's headers, and the counts noted in the conversion ledger so
 * History says how many records went and how many rows were left out.
 */
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { LexerError } from '../errors.js';
import type { ColumnMapping } from '../pipeline/column-mapping.js';
import type { DateOrder } from '../pipeline/convert/date-order.js';
import { convertToSend, type ConvertedFile } from '../send/convert-to-send.js';
import type { SendDestination } from '../send/send-types.js';

/**
 * The mapping for this file: the feed's columns over the suggestions for its own headers (with
 * line items when it groups rows into orders), and the values a suggestion brings under its own.
 * A JSON or NDJSON file (converted to hash its e-mails) has no columns to map.
 */
async function mappingFor(file: string, destination: SendDestination, mapping: Partial<ColumnMapping> | null): Promise<Partial<ColumnMapping>> {
  if (!convertible(file)) return {};
  if (!mapping?.columns) return mapping ?? {};
  const [{ resolveMapHeaders, suggestConstants, suggestMapping }, { previewCsv }] = await Promise.all([
    import('../pipeline/column-mapping.js'), import('../pipeline/csv-preview.js'),
  ]);
  const { headers } = await previewCsv(file, { rows: 1 });
  const columns = { ...suggestMapping(headers, destination.recordType, mapping.groupBy).columns, ...resolveMapHeaders(headers, mapping.columns, basename(file)) };
  return { ...mapping, columns, constants: { ...suggestConstants(columns), ...mapping.constants } };
}

/** A file whose columns a feed maps: CSV and the like (JSON and NDJSON hold records already). */
export const convertible = (file: string): boolean => /\.(csv|tsv|txt)$/i.test(file);

/** The NDJSON name for a converted file: orders.csv -> orders.ndjson, data.ndjson.gz -> data.ndjson. */
function ndjsonName(file: string): string {
  return `${basename(file).replace(/\.gz$/i, '').replace(/\.(csv|tsv|txt|json|ndjson|jsonl)$/i, '') || 'converted'}.ndjson`;
}

/**
 * Converts `file` (CSV or a JSON array) to NDJSON in a temporary folder, to send and then
 * dispose of; throws a LexerError the feed reports, as when no row is a valid record.
 */
export async function convertForFeed(
  file: string, destination: SendDestination,
  o: { mapping: Partial<ColumnMapping> | null; dateOrder?: DateOrder | undefined; hashEmails?: boolean | undefined; tempRoot?: string | undefined; ledgerDir: string; signal: AbortSignal },
): Promise<ConvertedFile> {
  const mapping = await mappingFor(file, destination, o.mapping);
  const converted = await convertToSend(file, {
    target: { kind: 'private-folder', root: o.tempRoot ?? tmpdir(), prefix: 'lexer-feed-', name: ndjsonName(file) },
    ledgerDir: o.ledgerDir, recordType: destination.recordType, mapping, signal: o.signal, ...(o.dateOrder && convertible(file) ? { dateOrder: o.dateOrder } : {}),
    hashEmails: o.hashEmails === true, ...(o.tempRoot !== undefined ? { tempRoot: o.tempRoot } : {}),
  });
  const { result } = converted;
  if (result.written === 0) {
    await converted.dispose();
    const what = result.orders ? `None of the orders in the ${result.rows} lines of ${basename(file)}` : `None of the ${result.rows} rows of ${basename(file)}`;
    throw new LexerError('invalid-records', `${what} is a valid ${destination.recordType} record, so nothing was sent.`, {
      hint: 'Check the columns against the record type (lexer-upload convert shows each problem), fix the file and put it back.',
    });
  }
  return converted;
}
