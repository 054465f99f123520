/**
 * The Settings screen: the API token, then where and how to upload. It stays mounted while
 * another tab shows, so nothing typed is dropped by a tab switch, and it says when something is
 * not saved yet. "Check token" asks the API URL on screen, saved or not.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../main/contract/result.js';
import type { AppSettings } from '../../../main/contract/settings.js';
import { useApi } from '../../api-context.js';
import { TokenSettings } from './token-settings.js';
import { AppSettingsForm } from './app-settings-form.js';
import { ErrorText } from '../shared/error-text.js';
import { LoginItemSetting } from './login-item-setting.js';

interface Props {
  readonly visible: boolean;
  /** Told whether anything on the screen is not saved yet (the tab shows a mark). */
  readonly onDirtyChange: (dirty: boolean) => void;
  /** Changes when the token box should take the focus (the Upload screen's "Paste your API token"). */
  readonly focusToken: number;
}

/** What the person would save: trimmed as the form saves it. */
function normalised(s: AppSettings): AppSettings {
  return { ...s, apiUrl: s.apiUrl.trim(), defaultDatasetId: s.defaultDatasetId.trim(), partSize: s.partSize.trim() };
}

function same(a: AppSettings, b: AppSettings): boolean {
  const x = normalised(a);
  const y = normalised(b);
  return x.apiUrl === y.apiUrl && x.defaultDatasetId === y.defaultDatasetId && x.concurrency === y.concurrency && x.useSandbox === y.useSandbox
    && x.gzip === y.gzip && x.gzipLevel === y.gzipLevel && x.partSize === y.partSize && x.hashEmails === y.hashEmails;
}

/** Settings, one section per concern. */
export function SettingsScreen({ visible, onDirtyChange, focusToken }: Props) {
  const api = useApi();
  const [saved, setSaved] = useState<AppSettings | null>(null);
  const [draft, setDraft] = useState<AppSettings | null>(null);
  const [tokenTyped, setTokenTyped] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const formDirty = saved !== null && draft !== null && !same(saved, draft);

  const reload = useCallback(() => {
    void api.settings.get().then((r) => {
      if (!r.ok) return setError(r.error);
      setSaved(r.value);
      setDraft(r.value);
    });
  }, [api]);
  // Read again when shown with nothing pending: the Upload screen can turn the sandbox on.
  useEffect(() => {
    if (visible && !formDirty) reload();
  }, [visible, reload]); // formDirty is read but not a trigger: typing must not reload the form

  useEffect(() => onDirtyChange(formDirty || tokenTyped), [formDirty, tokenTyped, onDirtyChange]);

  return (
    <section aria-labelledby="settings-heading" className="screen">
      <h2 id="settings-heading">Settings</h2>
      {error && <ErrorText error={error} />}
      <TokenSettings
        checkTarget={draft ? { apiUrl: draft.apiUrl.trim(), useSandbox: draft.useSandbox } : null}
        checkTargetSaved={!formDirty}
        onTypedChange={setTokenTyped}
        focusToken={focusToken}
      />
      {draft && saved && (
        <AppSettingsForm
          form={draft}
          dirty={formDirty}
          onChange={(patch) => setDraft({ ...draft, ...patch })}
          onSaved={(value) => {
            setSaved(value);
            setDraft(value);
          }}
        />
      )}
      <LoginItemSetting />
    </section>
  );
}
