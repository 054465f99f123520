import type { Command } from 'commander';
import { parseYmd } from '../option-parsers.js';
import { EXIT, say } from '../output.js';
import { runAction } from '../run-action.js';

/** Registers `lexer-upload check-name <name>`. */
export function registerCheckName(program: Command): void {
  program.command('check-name')
    .summary('check a file name against Lexer\'s rules and print a valid one')
    .description('Check a file name against Lexer\'s rules ({descriptor}-{YYYYMMDD}-{version}.csv|json|ndjson[.gz]; '
      + 'letters, digits, "-" and "_" only; case-sensitive).\n'
      + 'Prints each problem, then the valid name on the last line. Exit 0 if the name was already valid, 1 if it had to be fixed.')
    .argument('<name>', 'the file name to check')
    .option('--date <YYYYMMDD>', 'date to add when the name has none (default: today)', parseYmd)
    .option('--no-date', 'do not add a date')
    .option('--no-version', 'do not add a version')
    .action(runAction(async (name: string, o: { date?: Date | false; version?: boolean }) => {
      // Loaded here: only check-name and upload use the file-name rules.
      const { checkFileName, fixFileName } = await import('../../engine/names/file-name-rules.js');
      const check = checkFileName(name);
      if (check.valid) {
        say(name);
        return EXIT.ok;
      }
      for (const problem of check.problems) say(`- ${problem}`);
      const fixed = fixFileName(name, { addDate: o.date === false ? false : o.date ?? new Date(), addVersion: o.version !== false });
      const left = checkFileName(fixed).problems;
      if (left.length > 0) say(`Still to do by hand: ${left.join(' ')}`);
      say(fixed);
      return EXIT.failed;
    }));
}
