import { LexerError } from '../errors.js';
import { createFileVault } from './file-vault.js';
import type { TokenVault } from './token-vault.js';

/**
 * The vault the CLI uses: the OS keychain where it works, else the plain file in `configDir`.
 *
 * `LEXER_UPLOAD_VAULT=file` skips the keychain (tests, machines where it prompts); `keychain`
 * insists on it and fails if it does not work.
 */
export async function createDefaultVault(configDir: string, env: NodeJS.ProcessEnv = process.env): Promise<TokenVault> {
  const prefer = env.LEXER_UPLOAD_VAULT;
  if (prefer === 'file') return createFileVault(configDir);
  // The keychain binding is a native module: loaded only when a vault is actually opened, so
  // commands that never read a stored token do not pay for it. A binding that cannot load here
  // (no build for this platform, a missing system library) is a keychain that does not work.
  const keyring = await import('./keyring-vault.js').then((m) => m.createKeyringVault(), () => null);
  if (keyring) return keyring;
  if (prefer === 'keychain') throw new LexerError('internal', 'The system keychain does not work here, and LEXER_UPLOAD_VAULT=keychain asks for it.', {
    hint: 'Unset LEXER_UPLOAD_VAULT to keep the token in a plain file instead, or start the keychain service.',
  });
  return createFileVault(configDir);
}
