/** Where uploads go (API URL), the default dataset and how many files go at once. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AppSettings, ErrorInfo } from '../../preload/contract.js';
import { useApi } from '../api-context.js';
import { ErrorText } from './error-text.js';

/** Upload settings form. */
export function AppSettingsForm() {
  const api = useApi();
  const id = useId();
  const [form, setForm] = useState<AppSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    void api.settings.get().then((r) => {
      if (!live) return;
      if (r.ok) setForm(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  if (!form) return <div className="panel">{error ? <ErrorText error={error} /> : <p>Loading settings…</p>}</div>;

  const change = (patch: Partial<AppSettings>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const patch = { apiUrl: form.apiUrl.trim(), defaultDatasetId: form.defaultDatasetId.trim(), concurrency: form.concurrency, useSandbox: form.useSandbox };
    void api.settings.update(patch).then((r) => {
      if (!r.ok) return setError(r.error);
      setForm(r.value);
      setSaved(true);
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
      <input id={`${id}-dataset`} type="text" spellCheck={false} value={form.defaultDatasetId} onChange={(e) => change({ defaultDatasetId: e.target.value })} />
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
      </div>
      <div aria-live="polite" className="note">
        {saved && <p className="ok-text">Settings saved.</p>}
        {error && <ErrorText error={error} />}
      </div>
    </form>
  );
}
