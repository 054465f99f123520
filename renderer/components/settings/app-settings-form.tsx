/**
 * Where uploads go (API URL or the local sandbox), the default dataset, how many files go at once,
 * how big files go (gzip on the way and its level, the part size), and e-mail addresses only hashed.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '../../../main/contract/result.js';
import type { AppSettings } from '../../../main/contract/settings.js';
import { useApi } from '../../api-context.js';
import { datasetIdProblem } from '../../state/dataset-id.js';
import { useConnection } from '../shared/connection-status.js';
import { ErrorText } from '../shared/error-text.js';

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
    const patch = {
      apiUrl: form.apiUrl.trim(), defaultDatasetId: form.defaultDatasetId.trim(), concurrency: form.concurrency, useSandbox: form.useSandbox,
      gzip: form.gzip, gzipLevel: form.gzipLevel, partSize: form.partSize.trim(), hashEmails: form.hashEmails,
    };
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
      <div className="checkbox">
        <input id={`${id}-gzip`} type="checkbox" checked={form.gzip} onChange={(e) => change({ gzip: e.target.checked })} aria-describedby={`${id}-gzip-hint`} />
        <label htmlFor={`${id}-gzip`}>Compress NDJSON before sending (gzip)</label>
      </div>
      <p id={`${id}-gzip-hint`} className="hint">
        Lexer prefers gzipped NDJSON for large files: customer data gets about 8 to 10 times smaller, so it is sent that much sooner. Each file&apos;s
        card has its own box; CSV and JSON files go as they are unless you tick it there.
      </p>
      <label htmlFor={`${id}-level`}>Compression level (1 fastest, 9 smallest)</label>
      <input
        id={`${id}-level`}
        type="number"
        min={1}
        max={9}
        value={form.gzipLevel}
        onChange={(e) => change({ gzipLevel: Math.min(9, Math.max(1, Math.round(Number(e.target.value)) || 6)) })}
      />
      <label htmlFor={`${id}-part`}>Largest part</label>
      <input
        id={`${id}-part`}
        type="text"
        spellCheck={false}
        placeholder="5GiB"
        value={form.partSize}
        onChange={(e) => change({ partSize: e.target.value })}
        aria-describedby={`${id}-part-hint`}
      />
      <p id={`${id}-part-hint`} className="hint">
        A file bigger than this (after compression) is cut at record boundaries into parts, each sent and loaded by Lexer as its own file. Leave it empty
        for 5 GiB, the most one upload takes; some teams want 1GB. KB, MB, GB count in thousands; KiB, MiB, GiB in 1024s.
      </p>
      <div className="checkbox">
        <input id={`${id}-hash`} type="checkbox" checked={form.hashEmails} onChange={(e) => change({ hashEmails: e.target.checked })} aria-describedby={`${id}-hash-hint`} />
        <label htmlFor={`${id}-hash`}>Send e-mail addresses only hashed</label>
      </div>
      <p id={`${id}-hash-hint`} className="hint">
        For a policy that forbids sending clear addresses: every conversion, here and in watched folders, writes each e-mail address as its SHA-256
        (of the trimmed, lower-cased address), which Lexer links profiles by. A field with no hashed form is left out, and the report says so. Files
        that would go as they are (a CSV sent as it is, NDJSON not yet hashed) are not sent.
      </p>
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
