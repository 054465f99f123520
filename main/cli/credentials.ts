import { DEFAULT_API_URL } from '../api/default-api-url.js';
import { configDir } from '../config/paths.js';
import { LexerError } from '../errors.js';


/** The API URL: --api-url, else env LEXER_API_URL, else Lexer's. */
export function resolveApiUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return (flag ?? env.LEXER_API_URL ?? '').trim() || DEFAULT_API_URL;
}

/**
 * The token: --api-token, else env LEXER_UPLOAD_API_TOKEN, else the stored one.
 * Throws a `no-token` LexerError (exit 1) when there is none.
 */
export async function resolveToken(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const given = (flag ?? env.LEXER_UPLOAD_API_TOKEN ?? '').trim();
  if (given) {
    // Caught here, before any request: a header with a line break or space inside would only
    // come back as a confusing network failure after every retry. The token is never echoed.
    if (/\s/.test(given)) {
      const source = flag !== undefined ? '--api-token' : 'LEXER_UPLOAD_API_TOKEN';
      throw new LexerError('usage', `The token given by ${source} has spaces or line breaks inside.`, {
        hint: 'Copy only the token from the Hub (Manage > Integrations > API Tokens) and try again.',
      });
    }
    return given;
  }
  // Loaded only now: the keychain's native module is for a stored token, not for one given.
  const { createDefaultVault } = await import('../vault/default-vault.js');
  const stored = await (await createDefaultVault(configDir(env), env)).get();
  if (stored) return stored;
  throw new LexerError('no-token', 'No API token: run `lexer-upload token set` or set LEXER_UPLOAD_API_TOKEN.', {
    hint: 'Create an Activity API token in the Lexer Hub (Manage > Integrations > API Tokens).',
  });
}
