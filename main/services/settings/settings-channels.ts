/** The settings channels: Settings themselves, the embedded sandbox's status and the saved mapping presets. */
import type { ChannelsOf } from '../channels/handler-types.js';
import { asRecordType, asString, expectArgs as n } from '../channels/validators.js';
import type { EmbeddedSandbox } from './embedded-sandbox.js';
import type { PresetStore } from './preset-store.js';
import type { SettingsStore } from './settings-store.js';

export interface SettingsChannelDeps {
  readonly settings: SettingsStore;
  readonly sandbox: EmbeddedSandbox;
  readonly presets: PresetStore;
  /** Called after a change that may move uploads elsewhere (the API URL, the sandbox choice). */
  readonly onConnectionChanged: () => Promise<void>;
}

/** Registers `settings:*`, `sandbox:*` and `presets:*`. */
export function settingsChannels(d: SettingsChannelDeps): ChannelsOf<'settings' | 'sandbox' | 'presets'> {
  return {
    'settings:get': async (...a) => (n(a, 0, 'settings:get'), d.settings.get()),
    'settings:update': async (...a) => {
      n(a, 1, 'settings:update');
      const saved = await d.settings.update(a[0]);
      await d.onConnectionChanged();
      return saved;
    },
    'sandbox:status': async (...a) => {
      n(a, 0, 'sandbox:status');
      const enabled = d.settings.get().useSandbox;
      // Start it when it is on, so the page can show where files land before the first upload.
      if (enabled) await d.sandbox.ensure();
      return { enabled, ...d.sandbox.status() };
    },
    'presets:list': async (...a) => (n(a, 0, 'presets:list'), d.presets.list()),
    'presets:save': async (...a) => (n(a, 1, 'presets:save'), d.presets.save(a[0])),
    'presets:delete': async (...a) => (n(a, 2, 'presets:delete'), d.presets.remove(asString(a[0], 'name', 100), asRecordType(a[1]))),
  };
}
