import type { Command } from 'commander';
import { configDir } from '../../engine/config/paths.js';
import { normalizeToken, type TokenVault } from '../../engine/vault/token-vault.js';
import { readSecret } from '../read-secret.js';
import { EXIT, LexerError, UsageError, printJson, say, warn } from '../output.js';
import { runAction } from '../run-action.js';

/** The CLI's vault, loaded on use: only the token commands and a stored token need it. */
async function openVault(): Promise<TokenVault> {
  const { createDefaultVault } = await import('../../engine/vault/default-vault.js');
  return createDefaultVault(configDir());
}

/** The mail password for `watch --alert-email`, kept in the keychain or a private file as the token is. */
async function openSecrets() {
  const { createDefaultSecrets } = await import('../../engine/vault/secret-store.js');
  return createDefaultSecrets(configDir());
}
const SMTP_SECRET = 'smtp-password';

/**
 * Hidden top-level `set`, `status` and `clear`: `lexer-upload set` is an easy slip for `lexer-upload
 * token set`, and commander's own answer ("unknown command", add --help) led nowhere.
 */
function registerTypoPointers(program: Command): void {
  for (const name of ['set', 'status', 'clear'] as const) {
    program.command(name, { hidden: true })
      .description(`Not a command: did you mean \`lexer-upload token ${name}\`?`)
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .action(runAction(async () => {
        throw new LexerError('usage', `There is no \`lexer-upload ${name}\`; did you mean \`lexer-upload token ${name}\`?`, {
          hint: '`lexer-upload token --help` lists what the token commands do.',
        });
      }));
  }
}

/** Registers `lexer-upload token set|status|clear` (and pointers to them from a top-level `set`, `status`, `clear`). */
export function registerToken(program: Command): void {
  registerTypoPointers(program);
  const token = program.command('token')
    .summary('store, inspect or remove the API token')
    .description('Keep the Lexer API token in the system keychain where one works, else in a file only you can read (not encrypted).');

  token.command('set')
    .description('Store the API token, read from standard input (pipe it in, or paste it at the hidden prompt).\n'
      + 'It is never taken as an argument: shell history would keep it.')
    .option('--smtp-password', 'store the mail server\'s password for `watch --alert-email --smtp-user` instead')
    .allowExcessArguments(true)
    .action(runAction(async (o: { smtpPassword?: boolean }, cmd: Command) => {
      if (o.smtpPassword) {
        const password = (await readSecret('Type the mail server\'s password (input hidden), then press Enter: ')).replace(/\r?\n$/, '');
        if (password === '' || /[\r\n]/.test(password)) throw new UsageError('The password is empty or has line breaks in it. Nothing was saved.');
        const secrets = await openSecrets();
        await secrets.set(SMTP_SECRET, password);
        say(`Mail password saved (${secrets.backend === 'keychain' ? 'in the system keychain' : 'in a file only you can read, not encrypted'}).`);
        return EXIT.ok;
      }
      if (cmd.args.length > 0) {
        throw new UsageError('The token is never taken as an argument (shell history would keep it). '
          + 'Pipe it in (e.g. `pbpaste | lexer-upload token set`) or paste it at the prompt of `lexer-upload token set`.');
      }
      const raw = await readSecret('Paste your Lexer API token (input hidden), then press Enter: ');
      let value: string;
      try {
        value = normalizeToken(raw);
      } catch (error) {
        throw new UsageError(`${(error as Error).message} Nothing was saved.`);
      }
      const vault = await openVault();
      await vault.set(value);
      const status = await vault.status();
      say(`Token saved in ${status.location}${status.last4 ? ` (ends in …${status.last4})` : ''}.`);
      if (status.warning) warn(`warning: ${status.warning}`);
      return EXIT.ok;
    }));

  token.command('status')
    .description('Say whether a token is stored, where, and how it is protected (shows at most its last 4 characters).')
    .option('--json', 'print the status as one JSON object')
    .action(runAction(async (o: { json?: boolean }) => {
      const status = await (await openVault()).status();
      const fromEnv = Boolean(process.env.LEXER_UPLOAD_API_TOKEN?.trim());
      if (o.json) {
        printJson({ ...status, environmentOverride: fromEnv });
        return EXIT.ok;
      }
      if (status.stored) {
        say(`A token is stored in ${status.location}${status.last4 ? ` (ends in …${status.last4})` : ''}.`);
        say(status.encrypted ? 'It is encrypted by the system keychain.' : `Protection: ${status.warning ?? 'none'}`);
      } else {
        say(`No token is stored. Run \`lexer-upload token set\` to store one; it would be kept in ${status.location}.`);
        if (status.warning) say(`Protection: ${status.warning}`);
      }
      if (fromEnv) say('LEXER_UPLOAD_API_TOKEN is set in this environment; uploads use it instead of the stored token.');
      return EXIT.ok;
    }));

  token.command('clear')
    .description('Remove the stored token.')
    .option('--smtp-password', 'remove the stored mail password instead')
    .action(runAction(async (o: { smtpPassword?: boolean }) => {
      if (o.smtpPassword) {
        await (await openSecrets()).clear(SMTP_SECRET);
        say('Mail password removed.');
        return EXIT.ok;
      }
      const vault = await openVault();
      const { stored, location } = await vault.status();
      await vault.clear();
      say(stored ? `Token removed from ${location}.` : 'No token was stored; nothing to remove.');
      return EXIT.ok;
    }));
}
