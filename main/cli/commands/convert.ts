import type { Command } from 'commander';
import type { ColumnMapping } from '../../pipeline/column-mapping.js';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../schemas/record-type-names.js';
import { createByteProgress } from '../byte-progress.js';
import { parseRecordType } from '../option-parsers.js';
import { EXIT, UsageError, formatCount, printJson, say } from '../output.js';
import { assertReadableFile } from '../readable-file.js';
import { runAction } from '../run-action.js';
import { onInterrupt } from '../wait-for-signal.js';

interface ConvertOptions {
  recordType: RecordTypeName; output?: string; gzip?: boolean; map?: string[]; dropUnknown?: boolean;
  inferTypes?: boolean; stopOnFirstInvalid?: boolean; json?: boolean;
}

/** Registers `lexer-upload convert <in> --record-type T`. */
export function registerConvert(program: Command): void {
  program.command('convert')
    .summary('convert a CSV (or a JSON array) to NDJSON, checking every row')
    .description('Convert a CSV file (any encoding the preview detects) or a JSON file holding an array of records to NDJSON,\n'
      + 'typed and checked against a record type. Dotted headers (link.email) become nested fields; invalid rows are left out and reported.\n'
      + 'Exit 0 when every row converted, 1 when some were rejected, 2 for a usage error or an unreadable file.')
    .argument('<in>', 'the CSV or JSON file')
    .requiredOption('--record-type <type>', `record type (${RECORD_TYPE_NAMES.join(', ')})`, parseRecordType)
    .option('-o, --output <file>', 'where to write (default: the input name with .ndjson, or .ndjson.gz with --gzip)')
    .option('--gzip', 'gzip the output')
    .option('--map <HEADER=FIELD...>', 'rename a column to a record field, e.g. --map "Email=link.email" (repeatable)')
    .option('--drop-unknown', 'drop columns that match no field (default: keep them under custom_fields)')
    .option('--infer-types', 'turn numbers and true/false under custom_fields into numbers and booleans (default: keep strings)')
    .option('--stop-on-first-invalid', 'stop at the first invalid row instead of leaving it out')
    .option('--json', 'print {"rows","written","rejected","errors":[{"line","message"}],"output"}')
    .action(runAction(async (input: string, o: ConvertOptions) => {
      await assertReadableFile(input);
      const { parseMapArgs } = await import('../../pipeline/column-mapping.js');
      const { convertToNdjson } = await import('../../pipeline/convert-to-ndjson.js');
      let columns: Record<string, string | null> | undefined;
      try {
        columns = o.map ? parseMapArgs(o.map) : undefined;
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      if (columns && !/\.json$/i.test(input)) {
        // A mapping given to the engine replaces its suggestions; --map only corrects some columns,
        // so start from the suggestions for this file's headers and lay the user's choices over them.
        const { previewCsv } = await import('../../pipeline/csv-preview.js');
        const { suggestMapping } = await import('../../pipeline/column-mapping.js');
        const { headers } = await previewCsv(input, { rows: 1 });
        columns = { ...suggestMapping(headers, o.recordType).columns, ...columns };
      }
      const mapping: Partial<ColumnMapping> = {
        ...(columns ? { columns } : {}), unknownColumns: o.dropUnknown ? 'drop' : 'custom_fields', inferCustomTypes: Boolean(o.inferTypes),
      };
      const json = Boolean(o.json);
      const progress = await createByteProgress('Converting', { enabled: !json && Boolean(process.stderr.isTTY) });
      const cancel = new AbortController();
      const removeHandlers = onInterrupt(() => cancel.abort());
      try {
        const r = await convertToNdjson(input, {
          recordType: o.recordType, mapping, gzip: Boolean(o.gzip), stopOnFirstInvalid: Boolean(o.stopOnFirstInvalid),
          signal: cancel.signal, onProgress: (p) => progress.update(p.bytesRead, p.totalBytes, p.rows),
          ...(o.output !== undefined ? { output: o.output } : {}),
        });
        progress.stop();
        if (json) {
          printJson({
            rows: r.rows, written: r.written, rejected: r.rejected,
            errors: r.errors.map(({ line, message }) => ({ line, message })), output: r.stoppedEarly ? null : r.output, summary: r.summary, stoppedEarly: r.stoppedEarly, position: r.position,
          });
        } else {
          // A stopped run writes nothing: a partial file must never look like a finished one.
          if (r.stoppedEarly) say(`${input}: stopped at the first invalid row (--stop-on-first-invalid) after ${formatCount(r.rows)} rows; no output was written.`);
          else say(`${input}: ${formatCount(r.rows)} rows read, ${formatCount(r.written)} written to ${r.output}, ${formatCount(r.rejected)} rejected.`);
          if (r.summary.length > 0) say('Rejected rows by field and rule:');
          for (const g of r.summary) say(`  ${formatCount(g.count).padStart(8)} × ${g.field || '(row)'}: ${g.rule}`);
          const shown = r.errors.slice(0, 20);
          if (shown.length > 0) say(shown.length < r.rejected ? `First ${shown.length} rejected rows:` : 'Rejected rows:');
          for (const e of shown) say(`  ${r.position} ${e.line}: ${e.message}`);
        }
        return r.rejected === 0 ? EXIT.ok : EXIT.failed;
      } finally {
        progress.stop();
        removeHandlers();
      }
    }, { usageCodes: ['file-unreadable', 'unsupported-file'] }));
}
