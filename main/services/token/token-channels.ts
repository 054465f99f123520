/**
 * The token channels: its status, saving, removing and checking it. The token itself never leaves
 * main, and the saved token goes only to the saved API URL: "Check token" against another
 * address checks a token the person typed for that check (never saved by checking).
 */
import { checkToken } from '../../engine/api/api-client.js';
import { normalApiUrl } from '../../engine/dedupe/upload-connection.js';
import type { ChannelsOf } from '../channels/handler-types.js';
import { usageError } from '../channels/result.js';
import { asBoolean, asHttpUrl, asObject, expectArgs as n } from '../channels/validators.js';
import type { Connection } from '../settings/connection.js';
import { parseToken, type TokenService } from './token-service.js';

export interface TokenChannelDeps {
  readonly tokens: TokenService;
  /** The saved settings' connection. */
  readonly connection: () => Promise<Connection>;
  /** The embedded sandbox's connection, for checking against it before the setting is saved. */
  readonly sandboxConnection: () => Promise<Connection>;
  /** The API URL saved in settings: the only address the saved token is sent to. */
  readonly savedApiUrl: () => string;
  readonly resolveProxy?: ((url: string) => Promise<string | null>) | undefined;
  /** Called after the token changed, so what runs with the old one starts again with the new. */
  readonly onConnectionChanged: () => Promise<void>;
}

/**
 * Where "Check token" asks, and with which token: the saved settings (null); the URL and sandbox
 * choice on screen, with the token typed in the box when there is one; else the saved token, but
 * only when the URL on screen is the saved one.
 */
async function checkTarget(d: TokenChannelDeps, value: unknown): Promise<Connection> {
  if (value === null) return d.connection();
  const o = asObject(value, 'target', ['apiUrl', 'useSandbox', 'token']);
  if (asBoolean(o.useSandbox, 'useSandbox')) return d.sandboxConnection();
  const apiUrl = asHttpUrl(o.apiUrl, 'API URL');
  if (o.token !== undefined && o.token !== null && o.token !== '') return { apiUrl, token: parseToken(o.token), sandbox: false };
  const saved = d.savedApiUrl();
  if (normalApiUrl(apiUrl) !== normalApiUrl(saved)) {
    throw usageError(`The saved token is sent only to the saved API URL (${saved}), so it was not sent to ${apiUrl}.`, 'To check a token against this address, paste it in the API token box and press Check token again: checking does not save it.');
  }
  return { apiUrl, token: await d.tokens.current(), sandbox: false };
}

/** Registers `token:*`. */
export function tokenChannels(d: TokenChannelDeps): ChannelsOf<'token'> {
  return {
    'token:status': async (...a) => (n(a, 0, 'token:status'), d.tokens.status()),
    'token:save': async (...a) => {
      n(a, 2, 'token:save');
      const saved = await d.tokens.save(a[0], a[1]);
      await d.onConnectionChanged();
      return saved;
    },
    'token:clear': async (...a) => {
      n(a, 0, 'token:clear');
      const cleared = await d.tokens.clear();
      await d.onConnectionChanged();
      return cleared;
    },
    'token:check': async (...a) => {
      n(a, 1, 'token:check');
      const { apiUrl, token, sandbox } = await checkTarget(d, a[0]);
      if (!token) return { valid: false, message: 'No API token is saved yet. Paste one from the Hub and save it.' };
      const proxyUrl = d.resolveProxy ? await d.resolveProxy(apiUrl).catch(() => null) : null;
      const r = await checkToken({ apiUrl, token, proxyUrl });
      const note = sandbox ? ' (This checked a sandbox on this computer, not Lexer.)' : '';
      return { valid: r.valid, message: `${r.message}${note}` };
    },
  };
}
