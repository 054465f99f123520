/** The Settings screen: the API token, then where and how to upload. */
import { TokenSettings } from './token-settings.js';
import { AppSettingsForm } from './app-settings-form.js';

/** Settings, one section per concern. */
export function SettingsScreen() {
  return (
    <section aria-labelledby="settings-heading" className="screen">
      <h2 id="settings-heading">Settings</h2>
      <TokenSettings />
      <AppSettingsForm />
    </section>
  );
}
