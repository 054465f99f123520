/**
 * A feed's CSV converted to NDJSON for its record type before sending, as the app's Convert does
 * (main/engine/send/convert-to-send.ts): into a private temporary folder, the feed's mapping laid
 * over the suggestions for this file's headers, and the counts noted in the conversion ledger so
 * History says how many records went and how many rows were left out. A CSV whose columns mostly
 * match no field of the record type (a POS export dropped in a customer feed) is refused before
 * it is converted: sent, it would load as that many "customers" with nothing but custom fields.
 */
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { LexerError } from '../errors.js';
import type { ColumnMapping } from '../pipeline/column-mapping.js';
import type { DateOrder } from '../pipeline/convert/date-order.js';
import type { TextEncoding } from '../pipeline/csv/text-encodings.js';
import { convertToSend, type ConvertedFile } from '../send/convert-to-send.js';
import type { SendDestination } from '../send/send-types.js';

/** Column names listed in the refusal before the rest are counted. */
const NAMED = 12;

/** A file whose columns a feed maps: CSV and the like (JSON and NDJSON hold records already). */
export const convertible = (file: string): boolean => /\.(csv|tsv|txt)$/i.test(file);

/** The NDJSON name for a converted file: orders.csv -> orders.ndjson, data.ndjson.gz -> data.ndjson. */
function ndjsonName(file: string): string {
  return `${basename(file).replace(/\.gz$/i, '').replace(/\.(csv|tsv|txt|json|ndjson|jsonl)$/i, '') || 'converted'}.ndjson`;
}

/**
 * The mapping for this file: the feed's columns (a saved mapping) over the suggestions for its
 * own headers (with line items when it groups rows into orders), the values a suggestion brings
 * under the feed's own, and the columns that map to no field of the record type. A JSON or
 * NDJSON file (converted to hash its e-mails) has no columns to map.
 */
async function mappingFor(file: string, destination: SendDestination, mapping: Partial<ColumnMapping> | null, encoding: TextEncoding | undefined): Promise<{ mapping: Partial<ColumnMapping>; unmapped: string[]; columns: number }> {
  if (!convertible(file)) return { mapping: {}, unmapped: [], columns: 0 };
  const [{ resolveMapHeaders, suggestConstants, suggestMapping }, { previewCsv }, { cleanHeader }] = await Promise.all([
    import('../pipeline/column-mapping.js'), import('../pipeline/csv-preview.js'), import('../pipeline/csv/header-names.js'),
  ]);
  const { headers } = await previewCsv(file, { rows: 1, ...(encoding ? { encoding } : {}) });
  const chosen = mapping?.columns ? resolveMapHeaders(headers, mapping.columns, basename(file)) : {};
  const columns = { ...suggestMapping(headers, destination.recordType, mapping?.groupBy).columns, ...chosen };
  // A column the mapping names counts as placed (a custom field chosen on purpose too); one it
  // leaves out is not counted at all; one nobody placed falls to custom_fields.
  const counted = headers.filter((h) => cleanHeader(h) !== '' && columns[h] !== null);
  const unmapped = counted.filter((h) => columns[h] === undefined || (!Object.hasOwn(chosen, h) && columns[h]?.startsWith('custom_fields.')));
  const constants = { ...suggestConstants(columns), ...mapping?.constants };
  return { mapping: { ...mapping, columns, ...(Object.keys(constants).length > 0 ? { constants } : {}) }, unmapped, columns: counted.length };
}

/** The refusal of a file whose columns are mostly not the record type's (what to do is the feed's: feed-hints.ts). */
function notMapped(file: string, destination: SendDestination, unmapped: readonly string[], columns: number): LexerError {
  const named = unmapped.slice(0, NAMED).map((h) => `"${h}"`).join(', ');
  const more = unmapped.length > NAMED ? ` and ${unmapped.length - NAMED} more` : '';
  return new LexerError(
    'columns-not-mapped',
    `Only ${columns - unmapped.length} of the ${columns} columns of ${basename(file)} match fields of ${destination.recordType}, so nothing was sent. `
      + `These did not map: ${named}${more}.`,
  );
}

/**
 * Converts `file` (CSV or a JSON array) to NDJSON in a temporary folder, to send and then
 * dispose of; throws a LexerError the feed reports, as when no row is a valid record or fewer
 * than half of its columns map to the record type.
 */
export async function convertForFeed(
  file: string, destination: SendDestination,
  o: {
    mapping: Partial<ColumnMapping> | null; dateOrder?: DateOrder | undefined; leaveOutInvalidFields?: boolean | undefined; encoding?: TextEncoding | undefined;
    hashEmails?: boolean | undefined;
    tempRoot?: string | undefined; ledgerDir: string; signal: AbortSignal;
  },
): Promise<ConvertedFile> {
  const { mapping, unmapped, columns } = await mappingFor(file, destination, o.mapping, o.encoding);
  if (unmapped.length * 2 > columns) throw notMapped(file, destination, unmapped, columns);
  const converted = await convertToSend(file, {
    target: { kind: 'private-folder', root: o.tempRoot ?? tmpdir(), prefix: 'lexer-feed-', name: ndjsonName(file) },
    ledgerDir: o.ledgerDir, recordType: destination.recordType, mapping, signal: o.signal,
    // Dates and the encoding are a CSV's (NDJSON converted to hash its e-mails is UTF-8, its dates ISO).
    ...(o.dateOrder && convertible(file) ? { dateOrder: o.dateOrder } : {}), ...(o.leaveOutInvalidFields ? { leaveOutInvalidFields: true } : {}),
    ...(o.encoding && convertible(file) ? { encoding: o.encoding } : {}),
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
