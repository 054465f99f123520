import type { Command } from 'commander';
import { integerBetween } from '../option-parsers.js';
import { EXIT, printJson, warn } from '../output.js';
import { runAction } from '../run-action.js';
import { waitForShutdownSignal } from '../wait-for-signal.js';

/** Registers `lexer-upload sandbox`. */
export function registerSandbox(program: Command): void {
  program.command('sandbox')
    .summary('run a local Lexer-compatible API and S3 for trying things out')
    .description('Run a local Lexer-compatible File Upload API in front of a real S3-compatible server on 127.0.0.1.\n'
      + 'Prints one JSON line {"apiUrl","token","storageDir"} when ready, logs requests to standard error, and serves until Ctrl+C (SIGINT) or SIGTERM.')
    .option('--port <n>', 'API port (default: any free port)', integerBetween(0, 65535))
    .option('--dir <folder>', 'folder for received files, kept after it stops (default: a new temporary folder, removed when it stops)')
    .action(runAction(async (o: { port?: number; dir?: string }) => {
      // Loaded on use: the sandbox pulls in s3rver and the AWS SDK, which other commands never need.
      const { startSandbox } = await import('../../sandbox/start-sandbox.js');
      const sandbox = await startSandbox({
        ...(o.port !== undefined ? { port: o.port } : {}), ...(o.dir !== undefined ? { dir: o.dir } : {}), log: (line) => warn(line),
      });
      // Listen for the signals before saying we are ready: whoever reads the line may signal at once,
      // and a signal that arrives before a handler exists kills the process without closing anything.
      const stopped = waitForShutdownSignal();
      printJson({ apiUrl: sandbox.apiUrl, token: sandbox.token, storageDir: sandbox.storageDir });
      if (o.dir === undefined) warn(`Received files are kept in ${sandbox.storageDir} until the sandbox stops (give --dir to keep them).`);
      await stopped;
      await sandbox.close();
      return EXIT.ok;
    }));
}
