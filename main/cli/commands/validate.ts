import type { Command } from 'commander';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../engine/schemas/record-type-names.js';
import { createByteProgress } from '../byte-progress.js';
import { parseRecordType } from '../option-parsers.js';
import { EXIT, printJson } from '../output.js';
import { assertReadableFile } from '../readable-file.js';
import { runAction } from '../run-action.js';
import { printValidationReport } from '../validation-report.js';
import { onInterrupt } from '../wait-for-signal.js';

/** Registers `lexer-upload validate <file> --record-type T`. */
export function registerValidate(program: Command): void {
  program.command('validate')
    .summary('check every record of an NDJSON file against a record type')
    .description('Check every line of an NDJSON file (.ndjson or .ndjson.gz) against one of Lexer\'s record types, as Lexer\'s validator does:\n'
      + 'a blank line or a byte-order mark is an invalid row there (`convert` writes a copy without them).\n'
      + 'Exit 0 when every record is valid, 1 when some are not, 2 for a usage error or an unreadable file.')
    .argument('<file>', 'the NDJSON file')
    .requiredOption('--record-type <type>', `record type (${RECORD_TYPE_NAMES.join(', ')})`, parseRecordType)
    .option('--json', 'print {"total","valid","invalid","errors":[{"line","message"}],"errorCount","truncated","summary","warnings","framing"}')
    .action(runAction(async (file: string, o: { recordType: RecordTypeName; json?: boolean }) => {
      await assertReadableFile(file);
      const { validateNdjsonFile } = await import('../../engine/pipeline/validate-ndjson.js');
      const json = Boolean(o.json);
      const progress = await createByteProgress('Validating', { enabled: !json && Boolean(process.stderr.isTTY) });
      const cancel = new AbortController();
      const removeHandlers = onInterrupt(() => cancel.abort());
      try {
        const r = await validateNdjsonFile(file, o.recordType, {
          signal: cancel.signal, onProgress: (p) => progress.update(p.bytesRead, p.totalBytes, p.lines),
        });
        progress.stop();
        if (json) {
          printJson({
            total: r.total, valid: r.valid, invalid: r.invalid,
            errors: r.errors.map(({ line, message }) => ({ line, message })), errorCount: r.errorCount, truncated: r.errors.length < r.errorCount,
            summary: r.summary, warnings: r.warnings, framing: r.framing,
          });
        } else {
          printValidationReport(file, r, { maxErrors: 20, recordType: o.recordType });
        }
        return r.invalid === 0 ? EXIT.ok : EXIT.failed;
      } finally {
        progress.stop();
        removeHandlers();
      }
    }, { usageCodes: ['file-unreadable', 'unsupported-file'] }));
}
