/** Where uploads go (API URL or the local sandbox), the default dataset and how many files go at once. */
import { useId, useState, type FormEvent } from 'react';
import type { AppSettings, ErrorInfo } from '../../preload/contract.js';
import { useApi } from '../api-context.js';
import { datasetIdProblem } from '../state/dataset-id.js';
import { useConnection } from './connection-status.js';
import { ErrorText } from './error-text.js';

interface Props {
  /** The values on screen (SettingsScreen keeps them, so a tab switch does not drop them). */
  readonly form: AppSettings;
  /** Whether they differ from what is saved. */
  readonly dirty: boolean;
  readonly onChange: (patch: Partial<AppSettings>) => void;
  readonly onSaved: (saved: AppSettings) => void;
}

/** Upload settings form. */
export function AppSettingsForm({ form, dirty, onChange, onSaved }: Props) {
  const api = useApi();
  const id = useId();
  const connection = useConnection();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const datasetProblem = datasetIdProblem(form.defaultDatasetId);

  const change = (patch: Partial<AppSettings>) => {
    setSaved(false);
    onChange(patch);
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const patch = { apiUrl: form.apiUrl.trim(), defaultDatasetId: form.defaultDatasetId.trim(), concurrency: form.concurrency, useSandbox: form.useSandbox };
    void api.settings.update(patch).then((r) => {
      if (!r.ok) return setError(r.error);
      onSaved(r.value);
      setSaved(true);
      connection.refresh();
    });
  };

  return (
    <form className="panel" aria-labelledby={`${id}-h`} onSubmit={handleSubmit}>
      <h3 id={`${id}-h`}>Uploads</h3>
      <div className="checkbox">
        <input id={`${id}-sandbox`} type="checkbox" checked={form.useSandbox} onChange={(e) => change({ useSandbox: e.target.checked })} aria-describedby={`${id}-sandbox-hint`} />
        <label htmlFor={`${id}-sandbox`}>Use the local sandbox</label>
      </div>
      <p id={`${id}-sandbox-hint`} className="hint">
        Try the app without a Lexer account: files go to a sandbox on this computer that answers like Lexer, and nothing is sent to Lexer. It needs no token.
      </p>
      <label htmlFor={`${id}-url`}>API URL</label>
      <input id={`${id}-url`} type="url" value={form.apiUrl} disabled={form.useSandbox} onChange={(e) => change({ apiUrl: e.target.value })} aria-describedby={`${id}-url-hint`} />
      <p id={`${id}-url-hint`} className="hint">
        Lexer&apos;s API is https://api.lexer.io. A sandbox started with <code>lexer-upload sandbox</code> prints a local URL you can paste here too.
      </p>
      <label htmlFor={`${id}-dataset`}>Default dataset ID</label>
      <input
        id={`${id}-dataset`}
        type="text"
        spellCheck={false}
        value={form.defaultDatasetId}
        onChange={(e) => change({ defaultDatasetId: e.target.value })}
        aria-invalid={datasetProblem ? true : undefined}
        aria-describedby={datasetProblem ? `${id}-dataset-problem` : undefined}
      />
      {datasetProblem && <p id={`${id}-dataset-problem`} className="warning">{datasetProblem}</p>}
      <label htmlFor={`${id}-concurrency`}>Files uploaded at once</label>
      <input
        id={`${id}-concurrency`}
        type="number"
        min={1}
        max={4}
        value={form.concurrency}
        onChange={(e) => change({ concurrency: Math.min(4, Math.max(1, Number(e.target.value) || 1)) })}
      />
      <div className="buttons">
        <button type="submit">Save settings</button>
        {dirty && <span className="warning" data-testid="settings-unsaved">You have unsaved changes: Save settings to use them.</span>}
      </div>
      <div aria-live="polite" className="note">
        {saved && !dirty && <p className="ok-text">Settings saved.</p>}
        {error && <ErrorText error={error} />}
      </div>
    </form>
  );
}
