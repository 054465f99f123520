import type { Command } from 'commander';
import type { ErrorCode } from '../engine/errors.js';
import { toErrorInfo, toLexerError } from '../engine/errors.js';
import { EXIT, UsageError, printError, printJson, warn } from './output.js';

/** The exit code the last action asked for; read by runCli once commander returns. */
let lastExitCode: number = EXIT.ok;

/** The exit code set by the action that ran (0 if none ran). */
export function actionExitCode(): number {
  return lastExitCode;
}

/**
 * Wraps a command action: its returned number is the exit code; a UsageError exits 2 with a
 * pointer to --help; any other error prints its message and hint (never a stack) and exits 1,
 * or 2 when its code is in `usageCodes` (e.g. an unreadable input file for `validate`).
 * With --json, a failure also prints `{"ok":false,"error":{...}}` so scripts always get JSON.
 */
export function runAction<A extends unknown[]>(
  fn: (...args: A) => Promise<number>,
  o: { usageCodes?: readonly ErrorCode[] } = {},
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as Command;
    const json = Boolean((command.opts() as { json?: boolean }).json);
    try {
      lastExitCode = await fn(...args);
    } catch (error) {
      if (error instanceof UsageError) {
        warn(`error: ${error.message}`);
        warn(`(run "lexer-upload ${command.name()} --help" for usage)`);
        lastExitCode = EXIT.usage;
        return;
      }
      const e = toLexerError(error);
      if (json) printJson({ ok: false, error: toErrorInfo(e) });
      printError(e);
      lastExitCode = e.code === 'usage' || o.usageCodes?.includes(e.code) ? EXIT.usage : EXIT.failed;
    }
  };
}
