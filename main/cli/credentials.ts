import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_API_URL } from '../engine/api/default-api-url.js';
import { configDir } from '../engine/config/paths.js';
import { LexerError } from '../engine/errors.js';
import { warn } from './output.js';
import { readSecret } from './read-secret.js';

/** The API URL: --api-url, else env LEXER_API_URL, else Lexer's. */
export function resolveApiUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return (flag ?? env.LEXER_API_URL ?? '').trim() || DEFAULT_API_URL;
}

/** Where the command line says the token is: `--api-token <token|->` or `--api-token-file <file>`. */
export interface TokenOptions {
  apiToken?: string | undefined;
  apiTokenFile?: string | undefined;
}

/** A token file is one line; anything this big is the wrong file. */
const MAX_TOKEN_FILE_BYTES = 64 * 1024;

/**
 * Where a token given on the command line shows: every user of the machine can read another
 * user's arguments (`ps`, /proc/<pid>/cmdline), and shell history keeps them.
 */
export const ARGUMENT_WARNING = 'other users of this computer can see --api-token in the process list (ps), and your shell history keeps it; '
  + 'prefer LEXER_UPLOAD_API_TOKEN, --api-token-file <file>, --api-token - (standard input) or `lexer-upload token set`.';

const usage = (message: string, hint?: string): LexerError => new LexerError('usage', message, hint ? { hint } : {});

/** Reads the token from a file given by --api-token-file; warns when other users can read the file. */
async function readTokenFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw usage(`The token file ${path} does not exist or is not a file.`, 'Give the path of a file that holds only the token.');
  if (info.size > MAX_TOKEN_FILE_BYTES) throw usage(`The token file ${path} is ${info.size.toLocaleString('en')} bytes; a token file holds only the token.`);
  // Modes mean nothing on Windows, where files are private to their folder's ACL.
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    warn(`warning: ${path} can be read by other users of this computer; run \`chmod 600 ${path}\`.`);
  }
  const text = await readFile(path, 'utf8').catch(() => {
    throw usage(`The token file ${path} cannot be read.`, 'Check that the file is yours and readable.');
  });
  if (text.trim() === '') throw usage(`The token file ${path} is empty.`, 'Put the token from the Hub (Manage > Integrations > API Tokens) in it.');
  return text;
}

/** The token the command line gave, with the name of where it came from; null when it gave none. */
async function tokenFromOptions(o: TokenOptions): Promise<{ value: string; source: string } | null> {
  if (o.apiToken !== undefined && o.apiTokenFile !== undefined) throw usage('Give either --api-token or --api-token-file, not both.');
  if (o.apiTokenFile !== undefined) return { value: await readTokenFile(o.apiTokenFile), source: o.apiTokenFile };
  if (o.apiToken === '-') {
    const value = await readSecret('Paste your Lexer API token (input hidden), then press Enter: ');
    if (value.trim() === '') throw usage('--api-token - found no token on standard input.', 'Pipe the token in, e.g. `lexer-upload upload FILE --api-token - < token.txt`.');
    return { value, source: 'standard input' };
  }
  if (o.apiToken !== undefined) {
    warn(`warning: ${ARGUMENT_WARNING}`);
    return { value: o.apiToken, source: '--api-token' };
  }
  return null;
}

/**
 * The token: --api-token (a value, or `-` for standard input) or --api-token-file, else env
 * LEXER_UPLOAD_API_TOKEN, else the stored one. Throws a `no-token` LexerError (exit 1) when
 * there is none, and a `usage` one (exit 2) when the given one cannot be used.
 */
export async function resolveToken(o: TokenOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromOptions = await tokenFromOptions(o);
  const envToken = env.LEXER_UPLOAD_API_TOKEN ?? '';
  const given = fromOptions ?? (envToken.trim() ? { value: envToken, source: 'LEXER_UPLOAD_API_TOKEN' } : null);
  if (given) {
    const token = given.value.trim();
    // Caught here, before any request: a header with a line break or space inside would only
    // come back as a confusing network failure after every retry. The token is never echoed.
    if (/\s/.test(token)) {
      throw usage(`The token given by ${given.source} has spaces or line breaks inside.`, 'Copy only the token from the Hub (Manage > Integrations > API Tokens) and try again.');
    }
    return token;
  }
  // Loaded only now: the keychain's native module is for a stored token, not for one given.
  const { createDefaultVault } = await import('../engine/vault/default-vault.js');
  const stored = await (await createDefaultVault(configDir(env), env)).get();
  if (stored) return stored;
  throw new LexerError('no-token', 'No API token: run `lexer-upload token set` or set LEXER_UPLOAD_API_TOKEN.', {
    hint: 'Create an Activity API token in the Lexer Hub (Manage > Integrations > API Tokens).',
  });
}
