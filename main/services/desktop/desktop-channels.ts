/** The desktop channels: opened files, a notification's target, the uploads running now, starting at login. */
import type { LoginItem } from '../../contract/desktop.js';
import type { ChannelsOf } from '../channels/handler-types.js';
import { asBoolean, expectArgs as n } from '../channels/validators.js';
import type { CurrentUploads } from './current-uploads.js';
import type { WindowRequests } from './window-requests.js';

/** Starting at login, as the desktop offers it; absent in the browser host. */
export interface LoginItemControl {
  get(): boolean;
  set(openAtLogin: boolean): void | Promise<void>;
}

export interface DesktopChannelDeps {
  readonly requests: WindowRequests;
  readonly current: CurrentUploads;
  readonly loginItem?: LoginItemControl | undefined;
}

/** Registers `desktop:*`. */
export function desktopChannels(d: DesktopChannelDeps): ChannelsOf<'desktop'> {
  const loginItem = (): LoginItem => (d.loginItem ? { supported: true, openAtLogin: d.loginItem.get() } : { supported: false, openAtLogin: false });
  return {
    'desktop:take-opened-files': async (...a) => (n(a, 0, 'desktop:take-opened-files'), d.requests.takeFiles()),
    'desktop:take-show': async (...a) => (n(a, 0, 'desktop:take-show'), d.requests.takeShow()),
    'desktop:current-uploads': async (...a) => (n(a, 0, 'desktop:current-uploads'), d.current.list()),
    'desktop:login-item': async (...a) => (n(a, 0, 'desktop:login-item'), loginItem()),
    'desktop:set-login-item': async (...a) => {
      n(a, 1, 'desktop:set-login-item');
      const on = asBoolean(a[0], 'openAtLogin');
      if (d.loginItem) await d.loginItem.set(on);
      return loginItem();
    },
  };
}
