import { Option, type Command } from 'commander';
import { LexerError } from '../../engine/errors.js';
import type { ColumnMapping } from '../../engine/pipeline/column-mapping.js';
import type { ConversionResult } from '../../engine/pipeline/convert-to-ndjson.js';
import type { DateOrder } from '../../engine/pipeline/convert/date-order.js';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../engine/schemas/record-type-names.js';
import { createByteProgress } from '../byte-progress.js';
import { parseEncoding, parseRecordType } from '../option-parsers.js';
import { TEXT_ENCODINGS, type TextEncoding } from '../../engine/pipeline/csv/text-encodings.js';
import { EXIT, UsageError, formatCount, printJson, say } from '../output.js';
import { assertReadableFile } from '../readable-file.js';
import { runAction } from '../run-action.js';
import { framingSentence } from '../validation-report.js';
import { onInterrupt } from '../wait-for-signal.js';

interface ConvertOptions {
  recordType: RecordTypeName; output?: string; gzip?: boolean; map?: string[]; dropUnknown?: boolean;
  inferTypes?: boolean; decimalComma?: boolean; stopOnFirstInvalid?: boolean; json?: boolean;
  dateOrder?: DateOrder; leaveOutInvalidFields?: boolean; encoding?: TextEncoding; groupBy?: string; set?: string[]; hashEmails?: boolean;
}

/** Inputs whose records are used as they are (no columns to map, no dates to reorder). */
const JSON_INPUT = /\.(json|ndjson|jsonl)(\.gz)?$|\.gz$/i;

/** How many problems the human output lists (the JSON output keeps the engine's 100). */
const SHOWN = 20;

/** Registers `lexer-upload convert <in> --record-type T`. */
export function registerConvert(program: Command): void {
  program.command('convert')
    .summary('convert a CSV (or a JSON array) to NDJSON, or clean an NDJSON file, checking every row')
    .description('Convert a CSV file (any encoding the preview detects) or a JSON file holding an array of records to NDJSON,\n'
      + 'typed and checked against a record type. Dotted headers (link.email) become nested fields; invalid rows are left out and reported.\n'
      + 'An NDJSON file is cleaned: byte-order marks and blank lines, which Lexer counts as invalid rows, are removed (to NAME.clean.ndjson).\n'
      + 'Dates written 25/03/1985 or 03/25/1985 are read in the order their first rows show (a first part over 12 is a day) and written 1985-03-25;\n'
      + 'when those rows cannot tell, say the order with --date-order.\n'
      + 'Exit 0 when every row converted, 1 when some were rejected or the file is wrong, 2 for a usage error, an unreadable file,\n'
      + 'or dates whose order of day and month the file does not decide (error code date-order-unknown),\n'
      + 'or lines no single encoding reads (error code encoding-unknown: say which with --encoding).')
    .argument('<in>', 'the CSV, JSON or NDJSON file')
    .requiredOption('--record-type <type>', `record type (${RECORD_TYPE_NAMES.join(', ')})`, parseRecordType)
    .option('-o, --output <file>', 'where to write (default: the input name with .ndjson, or .ndjson.gz with --gzip)')
    .option('--gzip', 'gzip the output')
    .option('--map <HEADER=FIELD...>', 'send a CSV column to a record field, e.g. --map "Email=link.email" (repeatable)')
    .option('--drop-unknown', 'drop columns that match no field (default: keep them under custom_fields)')
    .option('--infer-types', 'turn numbers and true/false under custom_fields into numbers and booleans (default: keep strings)')
    .option('--decimal-comma', 'read numbers written with a decimal comma (29,95 or 1.234,50) as 29.95 and 1234.50')
    .addOption(new Option('--date-order <order>', 'how every date and date-time column writes its dates: dmy (25/03/1985), mdy (03/25/1985) or ymd (1985/03/25); default: detected from the first rows').choices(['dmy', 'mdy', 'ymd']))
    .option('--encoding <name>', `the CSV's encoding, when the file does not show it (${TEXT_ENCODINGS.join(', ')}); default: detected`, parseEncoding)
    .option('--group-by <column>', 'purchase and return: rows with the same value in this column (an order or receipt number) make one record, each row one item of its products; '
      + 'columns mapped to products.* (products.quantity, products.price_paid, products.product_reference.id) fill each item, the others must agree across the order\'s rows')
    .option('--set <FIELD=VALUE...>', 'give every record this value for a field the file lacks, e.g. --set type=physical --set store.type=ecommerce (repeatable)')
    .option('--hash-emails', 'send e-mail addresses only as their SHA-256: link.email becomes link.email_sha256 (email becomes email_sha256); '
      + 'an e-mail field with no hashed form is left out, and said so')
    .option('--leave-out-invalid-fields', 'keep a record whose only invalid fields are optional ones, without those fields (never the link); each is reported')
    .option('--stop-on-first-invalid', 'stop at the first invalid row instead of leaving it out')
    .option('--json', 'print {"rows","written","rejected","errors":[{"line","identifier","message"}],"errorCount","truncated","leftOut","output",...}')
    .action(runAction(async (input: string, o: ConvertOptions) => {
      await assertReadableFile(input);
      // Said rather than ignored: a JSON record's dates are checked as Lexer reads them, ISO only.
      if (o.dateOrder && JSON_INPUT.test(input)) {
        throw new UsageError('--date-order reads the date columns of a CSV file; the dates of a JSON or NDJSON file are used as they are (write them as 1985-03-25).');
      }
      if (o.encoding && JSON_INPUT.test(input)) {
        throw new UsageError('--encoding reads a CSV file; JSON and NDJSON are UTF-8 (UTF-16 and UTF-32 are recognised by themselves).');
      }
      if (o.groupBy !== undefined && JSON_INPUT.test(input)) {
        throw new UsageError('--group-by groups the rows of a CSV file into orders; the records of a JSON or NDJSON file are used as they are.');
      }
      if (o.set && JSON_INPUT.test(input)) throw new UsageError('--set fills a field of each row of a CSV file; the records of a JSON or NDJSON file are used as they are.');
      const mapping = await mappingFor(input, o);
      const [{ convertToSend }, { configDir }] = await Promise.all([import('../../engine/send/convert-to-send.js'), import('../../engine/config/paths.js')]);
      const json = Boolean(o.json);
      const progress = await createByteProgress('Converting', { enabled: !json && Boolean(process.stderr.isTTY) });
      const cancel = new AbortController();
      const removeHandlers = onInterrupt(() => cancel.abort());
      try {
        // Noted in the ledger in the config folder, so `upload` of this output can say how many rows were left out.
        const { result: r } = await convertToSend(input, {
          target: { kind: 'named', path: o.output }, ledgerDir: configDir(),
          recordType: o.recordType, mapping, gzip: Boolean(o.gzip), stopOnFirstInvalid: Boolean(o.stopOnFirstInvalid), decimalComma: Boolean(o.decimalComma),
          leaveOutInvalidFields: Boolean(o.leaveOutInvalidFields), ...(o.dateOrder ? { dateOrder: o.dateOrder } : {}), ...(o.encoding ? { encoding: o.encoding } : {}),
          hashEmails: Boolean(o.hashEmails),
          signal: cancel.signal, onProgress: (p) => progress.update(p.bytesRead, p.totalBytes, p.rows),
        });
        progress.stop();
        if (json) {
          printJson({
            rows: r.rows, written: r.written, rejected: r.rejected,
            errors: r.errors.map(withIdentifier), errorCount: r.errorCount, truncated: r.errors.length < r.errorCount,
            leftOut: { records: r.leftOut.records, fields: r.leftOut.fields, summary: r.leftOut.summary, first: r.leftOut.first.map(withIdentifier), truncated: r.leftOut.first.length < r.leftOut.fields },
            output: r.stoppedEarly ? null : r.output, summary: r.summary, warnings: r.warnings, notes: r.notes, encoding: r.encoding,
            fallbackLines: r.fallbackLines, cleaned: r.cleaned, stoppedEarly: r.stoppedEarly, position: r.position, orders: r.orders, emails: r.emails,
          });
        } else {
          printConversion(input, r, o);
        }
        return r.rejected === 0 ? EXIT.ok : EXIT.failed;
      } finally {
        progress.stop();
        removeHandlers();
      }
    }, { usageCodes: ['file-unreadable', 'date-order-unknown', 'encoding-unknown'] }));
}

/** A problem for --json: its line, the row's link value when it has one, the message. */
function withIdentifier(e: { line: number; message: string; identifier?: string }): { line: number; identifier?: string; message: string } {
  return e.identifier === undefined ? { line: e.line, message: e.message } : { line: e.line, identifier: e.identifier, message: e.message };
}

/**
 * The mapping for the engine. A mapping given to the engine replaces its suggestions; --map only
 * corrects some columns, so start from the suggestions for this file's headers and lay the
 * user's choices over them, after checking that each names a column of the file.
 */
async function mappingFor(input: string, o: ConvertOptions): Promise<Partial<ColumnMapping>> {
  const { parseMapArgs, parseSetArgs, resolveMapHeaders, suggestConstants, suggestMapping } = await import('../../engine/pipeline/column-mapping.js');
  let columns: Record<string, string | null> | undefined;
  let constants: Record<string, string> | undefined;
  try {
    columns = o.map ? parseMapArgs(o.map) : undefined;
    constants = o.set ? parseSetArgs(o.set) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (columns) {
    if (JSON_INPUT.test(input)) {
      throw new UsageError('--map renames CSV columns; the records of a JSON or NDJSON file are used as they are.');
    }
    const { previewCsv } = await import('../../engine/pipeline/csv-preview.js');
    const { headers } = await previewCsv(input, { rows: 1, ...(o.encoding ? { encoding: o.encoding } : {}) });
    try {
      columns = { ...suggestMapping(headers, o.recordType, o.groupBy).columns, ...resolveMapHeaders(headers, columns, input) };
      // The values a suggestion brings (a SKU column's id_type) only where the column kept its suggested field.
      constants = { ...suggestConstants(columns), ...constants };
    } catch (error) {
      throw new UsageError(error instanceof LexerError ? error.describe() : (error as Error).message);
    }
  }
  return {
    ...(columns ? { columns } : {}), unknownColumns: o.dropUnknown ? 'drop' : 'custom_fields', inferCustomTypes: Boolean(o.inferTypes),
    ...(o.groupBy !== undefined ? { groupBy: o.groupBy } : {}), ...(constants && Object.keys(constants).length > 0 ? { constants } : {}),
  };
}

/** "line 4", "lines 4, 9 and 12 (and 3 more)". */
function lines(list: readonly number[], total: number): string {
  const more = total > list.length ? ` (and ${formatCount(total - list.length)} more)` : '';
  return list.length === 1 ? `line ${list[0]}${more}` : `lines ${list.slice(0, -1).join(', ')} and ${list.at(-1)}${more}`;
}

/** "  line 3: email: ... — bob@example.com": the row's customer (its link value) after the problem. */
function problemLine(position: string, e: { line: number; message: string; identifier?: string }): string {
  return `  ${position} ${e.line}: ${e.message}${e.identifier ? ` — ${e.identifier}` : ''}`;
}

/** "orders.csv: 30 lines read, 12 orders written to orders.ndjson, 1 order refused (3 lines)." */
function ordersSentence(input: string, r: ConversionResult, orders: { written: number; refused: number }): string {
  const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
  const refused = orders.refused > 0 || r.rejected > 0 ? `, ${plural(orders.refused, 'order')} refused (${plural(r.rejected, 'line')})` : ', none refused';
  return `${input}: ${plural(r.rows, 'line')} read, ${plural(orders.written, 'order')} written to ${r.output}${refused}.`;
}

function printConversion(input: string, r: ConversionResult, o: ConvertOptions): void {
  const removed = framingSentence({ ...r.cleaned, cleanable: 0 });
  if (removed) say(`${input}: cleaned: removed ${removed} (${lines(r.cleaned.lines, r.cleaned.byteOrderMarks + r.cleaned.blankLines)}), which Lexer counts as invalid rows.`);
  // A stopped run writes nothing: a partial file must never look like a finished one.
  if (r.stoppedEarly) say(`${input}: stopped at the first invalid row (--stop-on-first-invalid) after ${formatCount(r.rows)} rows; no output was written.`);
  else if (r.orders) say(ordersSentence(input, r, r.orders));
  else say(`${input}: ${formatCount(r.rows)} row${r.rows === 1 ? '' : 's'} read, ${formatCount(r.written)} written to ${r.output}, ${formatCount(r.rejected)} rejected.`);
  if (r.emails && !r.stoppedEarly) {
    say(`E-mail addresses sent only hashed (--hash-emails): ${formatCount(r.emails.hashed)} hashed${r.emails.leftOut > 0 ? `, ${formatCount(r.emails.leftOut)} left out (no hashed form)` : ''}; no address is in clear in ${r.output}.`);
  }
  if (r.fallbackLines.count > 0) {
    say(`Read as ${r.encoding}: ${lines(r.fallbackLines.lines, r.fallbackLines.count)} ${r.fallbackLines.count === 1 ? 'was' : 'were'} not UTF-8 and ${r.fallbackLines.count === 1 ? 'was' : 'were'} read as ${r.fallbackLines.encoding}; check their accented letters.`);
  }
  for (const note of r.notes) say(`note: ${note}`);
  for (const warning of r.warnings) say(`warning: ${warning}`);
  if (r.summary.length > 0) say('Rejected rows by field and rule:');
  for (const g of r.summary) say(`  ${formatCount(g.count).padStart(8)} × ${g.field || '(row)'}: ${g.rule}`);
  const shown = r.errors.slice(0, SHOWN);
  if (shown.length > 0) say(shown.length < r.errorCount ? `First ${shown.length} of ${formatCount(r.errorCount)} problems:` : 'Problems:');
  for (const e of shown) say(problemLine(r.position, e));
  if (r.leftOut.records > 0) {
    say(`Kept ${formatCount(r.leftOut.records)} record${r.leftOut.records === 1 ? '' : 's'} without ${formatCount(r.leftOut.fields)} invalid optional field${r.leftOut.fields === 1 ? '' : 's'} (--leave-out-invalid-fields), by field and rule:`);
    for (const g of r.leftOut.summary) say(`  ${formatCount(g.count).padStart(8)} × ${g.field}: ${g.rule}`);
    const first = r.leftOut.first.slice(0, SHOWN);
    say(first.length < r.leftOut.fields ? `First ${first.length} of ${formatCount(r.leftOut.fields)} fields left out:` : 'Fields left out:');
    for (const e of first) say(problemLine(r.position, e));
  }
  if (!o.decimalComma && r.summary.some((g) => g.rule.endsWith('(decimal comma)'))) {
    say('Numbers written with a decimal comma (29,95) are not numbers to Lexer: add --decimal-comma to read them as 29.95.');
  }
}
