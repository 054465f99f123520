/** The token channels: its status, saving, removing and checking it. The token itself never leaves main. */
import { checkToken } from '../../engine/api/api-client.js';
import type { ChannelsOf } from '../channels/handler-types.js';
import { asBoolean, asHttpUrl, asObject, expectArgs as n } from '../channels/validators.js';
import type { Connection } from '../settings/connection.js';
import type { TokenService } from './token-service.js';

export interface TokenChannelDeps {
  readonly tokens: TokenService;
  /** The saved settings' connection. */
  readonly connection: () => Promise<Connection>;
  /** The embedded sandbox's connection, for checking against it before the setting is saved. */
  readonly sandboxConnection: () => Promise<Connection>;
  readonly resolveProxy?: ((url: string) => Promise<string | null>) | undefined;
  /** Called after the token changed, so what runs with the old one starts again with the new. */
  readonly onConnectionChanged: () => Promise<void>;
}

/** Where "Check token" asks: the saved settings (null), or the URL and sandbox choice on screen. */
async function checkTarget(d: TokenChannelDeps, value: unknown): Promise<Connection> {
  if (value === null) return d.connection();
  const o = asObject(value, 'target', ['apiUrl', 'useSandbox']);
  if (asBoolean(o.useSandbox, 'useSandbox')) return d.sandboxConnection();
  return { apiUrl: asHttpUrl(o.apiUrl, 'API URL'), token: await d.tokens.current(), sandbox: false };
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
