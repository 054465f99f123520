import type { Command } from 'commander';
import type { CsvPreview } from '../../engine/pipeline/csv-preview.js';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../engine/schemas/record-type-names.js';
import { integerBetween, parseEncoding, parseRecordType } from '../option-parsers.js';
import { TEXT_ENCODINGS, type TextEncoding } from '../../engine/pipeline/csv/text-encodings.js';
import { EXIT, printJson, say } from '../output.js';
import { assertReadableFile } from '../readable-file.js';
import { runAction } from '../run-action.js';
import { renderTable } from '../text-table.js';

/** Registers `lexer-upload preview <file>`. */
export function registerPreview(program: Command): void {
  program.command('preview')
    .summary('show the first rows of a CSV and what is wrong with it')
    .description('Show the first rows of a CSV file (reading only its head), with its encoding, delimiter and line endings,\n'
      + 'the problems a person cannot see (invisible characters, duplicate or empty headers, ragged rows, lines that are not UTF-8)\n'
      + 'and, apart from them, notes on what conversion will do (a BOM removed, with --record-type how each header is mapped).')
    .argument('<file>', 'the CSV file')
    .option('--rows <n>', 'how many rows to show', integerBetween(1, 10_000), 10)
    .option('--record-type <type>', `also say how each header maps to this record type (${RECORD_TYPE_NAMES.join(', ')})`, parseRecordType)
    .option('--encoding <name>', `read the file in this encoding (${TEXT_ENCODINGS.join(', ')}); default: detected`, parseEncoding)
    .option('--json', 'print {"encoding","delimiter","lineEnding","headers","rows","issues":[{"kind","message"}],"notes":[{"kind","message"}]}')
    .action(runAction(async (file: string, o: { rows: number; recordType?: RecordTypeName; json?: boolean; encoding?: TextEncoding }) => {
      await assertReadableFile(file);
      const { previewCsv } = await import('../../engine/pipeline/csv-preview.js');
      const p = await previewCsv(file, { rows: o.rows, recordType: o.recordType ?? null, ...(o.encoding ? { encoding: o.encoding } : {}) });
      if (o.json) {
        printJson({ encoding: p.encoding, delimiter: p.delimiter, lineEnding: p.lineEnding, headers: p.headers, rows: p.rows, issues: p.issues, notes: p.notes });
      } else {
        printPreview(file, p);
      }
      return EXIT.ok;
    }, { usageCodes: ['file-unreadable', 'unsupported-file', 'encoding-unknown'] }));
}

function printPreview(file: string, p: CsvPreview): void {
  const delimiter = p.delimiter === '\t' ? 'tab' : JSON.stringify(p.delimiter);
  say(`${file}: encoding ${p.encoding}, delimiter ${delimiter}, ${p.lineEnding} line endings, ${p.headers.length} columns.`);
  say('');
  for (const line of renderTable(p.headers, p.rows, process.stdout.columns ?? 120)) say(line);
  say('');
  if (p.issues.length === 0) {
    say('No problems found in these rows.');
  } else {
    say(`${p.issues.length} problem${p.issues.length === 1 ? '' : 's'}:`);
    for (const issue of p.issues) say(`  - ${issue.message}`);
  }
  if (p.notes.length > 0) {
    say('Notes:');
    for (const note of p.notes) say(`  - ${note.message}`);
  }
}
