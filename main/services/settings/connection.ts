/**
 * Where main-side calls go: Lexer (the settings' API URL and the saved token) or, in sandbox
 * mode, the embedded sandbox with its own token. One place decides, so uploads and the token
 * check never disagree.
 */
import { isLocalApiUrl } from '../../engine/api/local-api-url.js';
import type { EmbeddedSandbox } from './embedded-sandbox.js';
import type { SettingsStore } from './settings-store.js';
import type { TokenService } from '../token/token-service.js';

export interface Connection {
  readonly apiUrl: string;
  readonly token: string | null;
  /** The embedded sandbox, or an API on this computer: not Lexer. */
  readonly sandbox: boolean;
}

/** The embedded sandbox's connection (started on first use). */
export async function sandboxConnection(sandbox: EmbeddedSandbox): Promise<Connection> {
  const started = await sandbox.ensure();
  return { apiUrl: started.apiUrl, token: started.token, sandbox: true };
}

/** Resolves the connection for the next call from the current settings. */
export function createConnectionResolver(settings: SettingsStore, tokens: TokenService, sandbox: EmbeddedSandbox): () => Promise<Connection> {
  return async () => {
    const s = settings.get();
    // An API on this computer is a sandbox too (`lexer-upload sandbox`): never Lexer.
    if (!s.useSandbox) return { apiUrl: s.apiUrl, token: await tokens.current(), sandbox: isLocalApiUrl(s.apiUrl) };
    return sandboxConnection(sandbox);
  };
}
