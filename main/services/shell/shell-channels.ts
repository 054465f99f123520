/** The shell channel: opening an allow-listed https link in the system browser. */
import type { ChannelsOf } from '../channels/handler-types.js';
import { usageError } from '../channels/result.js';
import { expectArgs as n } from '../channels/validators.js';
import { isAllowedExternalUrl } from './external-links.js';

export interface ShellChannelDeps {
  /** Opens the URL in the system browser; absent in the browser host, where the page opens its own links. */
  readonly openExternal?: ((url: string) => Promise<void>) | undefined;
}

/** Registers `shell:*`. */
export function shellChannels(d: ShellChannelDeps): ChannelsOf<'shell'> {
  return {
    'shell:open-external': async (...a) => {
      n(a, 1, 'shell:open-external');
      if (!isAllowedExternalUrl(a[0])) {
        throw usageError('Only https links to Lexer (the Hub and its help pages) open from the app.', 'Copy the address and open it in your browser yourself.');
      }
      if (!d.openExternal) return false;
      await d.openExternal(a[0]);
      return true;
    },
  };
}
