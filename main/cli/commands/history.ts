import { InvalidArgumentError, type Command } from 'commander';
import { runAction } from '../run-action.js';

/** Parses --since: a day (YYYY-MM-DD, from its local midnight) or a moment in ISO 8601. */
export function parseSince(value: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  if (Number.isNaN(date.getTime()) || (day && date.getDate() !== Number(day[3]))) {
    throw new InvalidArgumentError(`expected a date such as 2026-11-24 (or 2026-11-24T09:00), got "${value}".`);
  }
  return date;
}

/** Registers `lexer-upload history`: every upload History knows, as a run log. */
export function registerHistory(program: Command): void {
  program.command('history')
    .summary('list past uploads (the run log): when, which file, where, how it ended')
    .description('List every upload the app and this command made, newest first, with the archives of older ones: when, the file '
      + '(your name and the name sent), where it went (API or sandbox, dataset, record type), how it ended, records sent and left out, '
      + 'bytes, Lexer\'s upload ids (one per part), the watched folder and the content\'s hash (xxh3-128, or sha256 for uploads recorded by earlier versions).')
    .option('--since <date>', 'only uploads started on or after this day (YYYY-MM-DD) or moment (ISO 8601)', parseSince)
    .option('--feed <name>', 'only uploads of this watched folder (its path, or its folder\'s name)')
    .option('--json', 'one JSON object per upload, one per line')
    .option('--csv', 'CSV with a header line (the columns of the app\'s History export)')
    .action(runAction(async (o: { since?: Date; feed?: string; json?: boolean; csv?: boolean }) => {
      const { runHistory } = await import('../history-run.js');
      return runHistory(o);
    }));
}
