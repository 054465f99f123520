import type { Command } from 'commander';
import { configDir } from '../../engine/config/paths.js';
import { integerBetween } from '../option-parsers.js';
import { EXIT, printJson, warn } from '../output.js';
import { runAction } from '../run-action.js';
import { waitForShutdownSignal } from '../wait-for-signal.js';

/** Registers `lexer-upload ui`. */
export function registerUi(program: Command): void {
  program.command('ui')
    .summary('serve the app in a web browser on 127.0.0.1')
    .description('Serve the Lexer Uploader app to a web browser on 127.0.0.1 (the same screens as the desktop app).\n'
      + 'Prints one JSON line {"url"} when ready and serves until Ctrl+C (SIGINT) or SIGTERM.\n'
      + 'The address carries a one-time code: it opens the app once (a copy in the browser\'s history opens nothing); '
      + 'to open the app in another browser, start `lexer-upload ui` again.\n'
      + 'With --launch-file the line also names a private page (0600) that opens the address, for a browser opener: '
      + 'a command line is readable by every user of the computer, the page\'s path gives nothing away.')
    .option('--port <n>', 'port (default: any free port)', integerBetween(0, 65535))
    .option('--api-url <url>', 'API address (default: env LEXER_API_URL, else the app\'s setting)')
    .option('--launch-file', 'also write a private page that opens the address, and print its path as "launchFile"')
    .action(runAction(async (o: { port?: number; apiUrl?: string; launchFile?: boolean }) => {
      const apiUrl = o.apiUrl ?? process.env.LEXER_API_URL;
      const { startBrowserHost } = await import('../../host/start-browser-host.js');
      const host = await startBrowserHost({
        configDir: configDir(), log: (line) => warn(line), launchFile: Boolean(o.launchFile),
        ...(o.port !== undefined ? { port: o.port } : {}), ...(apiUrl ? { apiUrl } : {}),
      });
      // Listen for the signals before saying we are ready: whoever reads the line may signal at once,
      // and a signal that arrives before a handler exists kills the process without closing anything.
      const stopped = waitForShutdownSignal();
      printJson({ url: host.url, ...(host.launchFile ? { launchFile: host.launchFile } : {}) });
      await stopped;
      await host.close();
      return EXIT.ok;
    }));
}
