// Commands load their engine modules when they run, so `--help` and `check-name` start fast and
// one missing or broken module cannot take the other commands down.
import { Command, CommanderError } from 'commander';
import { registerCheckName } from './commands/check-name.js';
import { registerConvert } from './commands/convert.js';
import { registerHistory } from './commands/history.js';
import { registerPreview } from './commands/preview.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerToken } from './commands/token.js';
import { registerUi } from './commands/ui.js';
import { registerUpload } from './commands/upload.js';
import { registerValidate } from './commands/validate.js';
import { registerWatch } from './commands/watch.js';
import { EXIT, printError } from './output.js';
import { actionExitCode } from './run-action.js';

const VERSION = '0.1.0';

/** Builds the `lexer-upload` program with every command. */
export function buildProgram(): Command {
  const program = new Command('lexer-upload')
    .description('Get customer-data files into Lexer through its File Upload API, and prepare them first: preview a CSV, convert it to NDJSON, validate NDJSON against Lexer\'s record types, check file names.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpCommand(true)
    .showHelpAfterError('(add --help for usage)')
    // Must be set before commands are added: subcommands copy these settings when created.
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  program.addHelpText('after', '\nExit codes: 0 done, 1 failed (or some records invalid), 2 usage error.\n'
    + 'Environment: LEXER_UPLOAD_API_TOKEN, LEXER_API_URL, LEXER_UPLOAD_CONFIG_DIR (where the token file and history live).');
  registerUpload(program);
  registerWatch(program);
  registerHistory(program);
  registerValidate(program);
  registerConvert(program);
  registerPreview(program);
  registerCheckName(program);
  registerToken(program);
  registerSandbox(program);
  registerUi(program);
  return program;
}

/**
 * Runs the command line and returns the exit code: 0 done, 1 failed, 2 usage error (commander's
 * own parse errors included), 0 for --help and --version.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return actionExitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      const informational = error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        || (error.code === 'commander.help' && error.exitCode === 0);
      return informational ? EXIT.ok : EXIT.usage;
    }
    printError(error);
    return EXIT.failed;
  }
}
