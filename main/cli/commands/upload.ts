import type { Command } from 'commander';
import { RECORD_TYPE_NAMES } from '../../engine/schemas/record-type-names.js';
import { integerBetween, parsePartSizeOption, parseRecordType } from '../option-parsers.js';
import { UsageError } from '../output.js';
import { runAction } from '../run-action.js';
import type { UploadOptions } from '../upload-run.js';
import type { UploadPlan } from '../upload-plan.js';

/** Registers `lexer-upload upload <files...>`. */
export function registerUpload(program: Command): void {
  program.command('upload')
    .summary('upload files to Lexer')
    .description('Upload one or more files to Lexer through the File Upload API (one streamed PUT per file or part).\n'
      + 'CSV and JSON files are handled by Lexer staff; NDJSON with --dataset-id and --record-type loads into a dataset.\n'
      + 'NDJSON is gzipped on the way (the name sent gets .gz); a file over 5 GiB (or --part-size) is sent in parts cut at record boundaries.\n'
      + 'A file whose content was already sent to the same destination is refused (exit 1) unless --allow-duplicate.\n'
      + 'A name that breaks Lexer\'s file-name rules is sent under its fixed name (see check-name).')
    .argument('<files...>', 'files to upload')
    .option('--dataset-id <id>', 'load the NDJSON file(s) into this dataset (needs --record-type)')
    .option('--record-type <type>', `record type of the NDJSON (${RECORD_TYPE_NAMES.join(', ')})`, parseRecordType)
    .option('--filename <name>', 'name to send the file under (one file only)')
    .option('--api-url <url>', 'API address (default: env LEXER_API_URL, else https://api.lexer.io)')
    .option('--api-token <token>', 'API token, or - to read it from standard input (default: env LEXER_UPLOAD_API_TOKEN, else the stored one). '
      + 'Other users of this computer can see arguments in the process list (ps): prefer the environment variable, --api-token-file, - or `token set`')
    .option('--api-token-file <file>', 'read the API token from this file (keep it private: chmod 600)')
    .option('--concurrency <n>', 'how many files upload at once', integerBetween(1, 10), 2)
    .option('--validate', 'check every record against --record-type first; upload only a file whose records are all valid')
    .option('--gzip', 'compress on the way (the default for NDJSON; CSV and JSON only when asked)')
    .option('--no-gzip', 'send the file as it is, uncompressed')
    .option('--gzip-level <n>', 'compression level, 1 (fastest) to 9 (smallest); default 6', integerBetween(1, 9))
    .option('--part-size <size>', 'send parts of at most this size as sent, e.g. 1GB or 500MiB (default 5GiB, the most one upload takes)', parsePartSizeOption)
    .option('--allow-duplicate', 'send even when the same content was already sent to the same destination')
    .option('--json', 'print one JSON object at the end instead of progress')
    .action(runAction(async (files: string[], o: UploadOptions) => {
      const destination = checkUsage(files, o);
      const { checkFilesFirst } = await import('../upload-refusal.js');
      await checkFilesFirst(files);
      const { runUploads } = await import('../upload-run.js');
      return runUploads(files, o, destination);
    }));
}

function checkUsage(files: readonly string[], o: UploadOptions): UploadPlan['destination'] {
  if ((o.datasetId === undefined) !== (o.recordType === undefined)) {
    throw new UsageError('--dataset-id and --record-type go together: give both to load NDJSON into a dataset, or neither.');
  }
  if (o.datasetId !== undefined && o.datasetId.trim() === '') throw new UsageError('--dataset-id is empty.');
  if (o.filename !== undefined && files.length > 1) throw new UsageError('--filename names one file; leave it out when uploading several.');
  if (o.validate && !o.recordType) throw new UsageError('--validate needs --dataset-id and --record-type (the record type to check against).');
  if (!o.datasetId || !o.recordType) return null;
  const notNdjson = files.find((f) => !/\.(ndjson|jsonl|json)(\.gz)?$/i.test(f));
  if (notNdjson) {
    throw new UsageError(`Lexer loads only NDJSON into a dataset, and ${notNdjson} is not an .ndjson file. `
      + `Convert it first: lexer-upload convert ${notNdjson} --record-type ${o.recordType}`);
  }
  return { datasetId: o.datasetId.trim(), recordType: o.recordType };
}
