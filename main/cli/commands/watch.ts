import { InvalidArgumentError, Option, type Command } from 'commander';
import { parsePatterns } from '../../engine/feeds/feed-config.js';
import { TEXT_ENCODINGS } from '../../engine/pipeline/csv/text-encodings.js';
import { RECORD_TYPE_NAMES } from '../../engine/schemas/record-type-names.js';
import { integerBetween, parseEncoding, parsePartSizeOption, parseRecordType } from '../option-parsers.js';
import { runAction } from '../run-action.js';
import type { WatchOptions } from '../watch-run.js';

const AFTER = ['sent', 'leave', 'delete'];

function parseAfter(value: string): string {
  if (AFTER.includes(value)) return value;
  throw new InvalidArgumentError(`expected sent, leave or delete, got "${value}".`);
}

/** --file-owner may be given several times. */
function addOwner(value: string, earlier: string[] | undefined): string[] {
  return [...(earlier ?? []), value.trim()];
}

/** --pattern may be given several times, each with one or more globs (quoted, so the shell leaves them). */
function addPatterns(value: string, earlier: string[] | undefined): string[] {
  return [...(earlier ?? []), ...parsePatterns(value)];
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n > 100) throw new InvalidArgumentError(`expected a percentage from 0 to 100, got "${value}".`);
  return n;
}

function parseQuietSeconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n > 86_400) throw new InvalidArgumentError(`expected a number of seconds from 0 to 86400, got "${value}".`);
  return n;
}

/** Registers `lexer-upload watch <dir>`: sends each new file dropped in a folder. */
export function registerWatch(program: Command): void {
  program.command('watch')
    .summary('send each new file dropped in a folder (a feed)')
    .description('Watch a folder and send each new file to Lexer as `upload` would: name fixed, every record checked (dataset destination), '
      + 'gzip on the way, the duplicate guard, retries, History.\n\n'
      + 'A file is taken once its size and modification time stay unchanged for --quiet-seconds; temporary and hidden names '
      + '(.part, .tmp, .crdownload, ~$..., dotfiles) are never taken. After sending it is moved to sent/ (--after). A file that needs you '
      + '(invalid records, a rejected token, a name that cannot be fixed) is moved to failed/ with NAME.error.txt saying what happened '
      + 'and what to do. Network and server failures are tried again later, the file left in place. A file whose content was already '
      + 'sent (a copy, or one sent before a restart) is not sent again: it goes to sent/ with NAME.note.txt.\n\n'
      + 'Only regular files are taken, never links, and only your own unless --file-owner names another account (a folder shared with '
      + 'an export job\'s account); anything else is left where it is, with a line saying why. sent/ and failed/ must be folders of your '
      + 'own (not links).\n\n'
      + 'Runs until Ctrl+C or SIGTERM (an upload under way is cancelled and marked so in History); --once sends what is there and exits, for cron.\n\n'
      + 'Alerts (--alert-webhook, --alert-email): a file moved to failed/, a file being tried again (once per file), more rows left out than '
      + '--alert-left-out, and with --expect-every or --expect-by no file when one is expected (and again when files arrive). Alerts never '
      + 'carry the token, a link\'s query or a record\'s values, and a channel that fails is tried again without holding up any file.')
    .argument('<dir>', 'the folder to watch')
    .option('--dataset-id <id>', 'load the files into this dataset (needs --record-type); default: send to Lexer staff')
    .option('--record-type <type>', `record type of the files (${RECORD_TYPE_NAMES.join(', ')})`, parseRecordType)
    .option('--pattern <globs>', 'names to take, e.g. "*.csv" or "pos-*.csv *.gz" (repeatable; default: *.csv *.ndjson *.json *.gz)', addPatterns)
    .option('--convert', 'convert CSV files to NDJSON for --record-type first (rows that are not valid records are reported)')
    .option('--map <HEADER=FIELD...>', 'with --convert: send a CSV column to a record field, e.g. --map "Email=link.email" (repeatable)')
    .addOption(new Option('--date-order <order>', 'with --convert: how every date column writes its dates: dmy (25/03/1985), mdy (03/25/1985) or ymd; default: detected from the first rows').choices(['dmy', 'mdy', 'ymd']))
    .option('--group-by <column>', 'with --convert, purchase and return: rows with the same value in this column make one record (an order\'s lines its products)')
    .option('--set <FIELD=VALUE...>', 'with --convert: give every record this value for a field the files lack, e.g. --set type=physical (repeatable)')
    .option('--hash-emails', 'send e-mail addresses only as their SHA-256 (link.email as link.email_sha256), NDJSON and JSON files too; needs --dataset-id and --record-type')
    .option('--encoding <name>', `with --convert: the CSV files' encoding, for exports that do not show it (${TEXT_ENCODINGS.join(', ')}); default: detected from each file`, parseEncoding)
    .option('--leave-out-invalid-fields', 'with --convert: keep a record whose only invalid fields are optional ones, without them (never the link); the rest of the file is checked as before')
    .option('--no-validate', 'do not check every record before sending (checked by default for a dataset)')
    .option('--gzip', 'compress on the way (the default for NDJSON; CSV and JSON only when asked)')
    .option('--no-gzip', 'send files as they are, uncompressed')
    .option('--gzip-level <n>', 'compression level, 1 (fastest) to 9 (smallest); default 6', integerBetween(1, 9))
    .option('--part-size <size>', 'send parts of at most this size as sent, e.g. 1GB or 500MiB (default 5GiB, the most one upload takes)', parsePartSizeOption)
    .option('--quiet-seconds <n>', 'seconds a file must stay unchanged before it is taken', parseQuietSeconds, 10)
    .option('--after <what>', 'after sending: sent (move to sent/), leave, or delete', parseAfter, 'sent')
    .option('--polling', 'poll the folder instead of waiting for change events (network drives)')
    .option('--file-owner <user>', 'also take files owned by this account, a user name or uid (repeatable; default: only your own files)', addOwner)
    .option('--once', 'send what is in the folder now, then exit (1 if any file failed)')
    .option('--concurrency <n>', 'how many files upload at once', integerBetween(1, 10), 2)
    .option('--api-url <url>', 'API address (default: env LEXER_API_URL, else https://api.lexer.io)')
    .option('--api-token <token>', 'API token, or - to read it from standard input (default: env LEXER_UPLOAD_API_TOKEN, else the stored one)')
    .option('--api-token-file <file>', 'read the API token from this file (keep it private: chmod 600)')
    .option('--json', 'print one JSON object per line for each event')
    .option('--alert-webhook <url>', 'post alerts to this webhook (Slack and Microsoft Teams incoming webhooks take them as they are)')
    .option('--alert-email <addresses>', 'mail alerts to these addresses (comma-separated), through --smtp-host')
    .option('--smtp-host <host>', 'the mail server that sends alerts')
    .option('--smtp-port <n>', 'its port (default 587 with starttls, 465 with tls, 25 with none)', integerBetween(1, 65_535))
    .addOption(new Option('--smtp-security <how>', 'starttls (required, the default), tls, or none (a relay on this computer only)').choices(['starttls', 'tls', 'none']))
    .option('--smtp-user <user>', 'log in to the mail server as this user (password: --smtp-password-file, env LEXER_UPLOAD_SMTP_PASSWORD, or `token set --smtp-password`)')
    .option('--smtp-password-file <file>', 'read the mail password from this file (keep it private: chmod 600)')
    .option('--smtp-from <address>', 'the sender of alert mails (default: --smtp-user when it is an address)')
    .option('--alert-left-out <percent>', 'alert when more than this percentage of a converted file\'s rows is left out as invalid', parsePercent, 1)
    .option('--expect-every <interval>', 'alert once when no file arrives within this interval (e.g. 24h, 90m), and again when files arrive')
    .option('--expect-by <cron>', 'alert once when no file arrives by each time of this schedule, e.g. "0 9 * * 1-5" (every weekday by 09:00)')
    .option('--test-alert', 'send a test alert to each channel, say whether it arrived, and exit')
    .action(runAction(async (dir: string, o: WatchOptions) => {
      const { runWatch } = await import('../watch-run.js');
      return runWatch(dir, o);
    }));
}
