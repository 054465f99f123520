/**
 * The API token: paste once, save, check, remove. The renderer never reads the token back;
 * main only tells it the last 4 characters and how the token is kept (TokenStatus).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ErrorInfo, TokenStatus, TokenStorageChoice } from '../../preload/contract.js';
import { useApi } from '../api-context.js';
import { ErrorText } from './error-text.js';

type Note = { readonly tone: 'ok'; readonly text: string } | { readonly tone: 'error'; readonly error: ErrorInfo };

/** Token section of Settings. */
export function TokenSettings() {
  const api = useApi();
  const id = useId();
  const [status, setStatus] = useState<TokenStatus | null>(null);
  const [token, setToken] = useState('');
  const [storage, setStorage] = useState<TokenStorageChoice>('session');
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.token.status().then((r) => {
      if (!live) return;
      if (r.ok) setStatus(r.value);
      else setNote({ tone: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setNote(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setNote({ tone: 'error', error: { code: 'token-missing', message: 'Paste a token in the API token box first.', hint: 'Create an Activity API token in the Hub under Manage > Integrations > API Tokens.' } });
      return;
    }
    const choice: TokenStorageChoice = status?.encryptionAvailable === false ? storage : 'persistent';
    void run(async () => {
      const r = await api.token.save(value, choice);
      if (!r.ok) return setNote({ tone: 'error', error: r.error });
      setStatus(r.value);
      setToken('');
      setNote({ tone: 'ok', text: `Token saved. It ends in ${r.value.last4 ?? '????'}.` });
    });
  };

  const handleRemove = () =>
    void run(async () => {
      const r = await api.token.clear();
      if (!r.ok) return setNote({ tone: 'error', error: r.error });
      setStatus(r.value);
      setNote({ tone: 'ok', text: 'Token removed from this computer.' });
    });

  const handleCheck = () =>
    void run(async () => {
      const r = await api.token.check();
      if (!r.ok) return setNote({ tone: 'error', error: r.error });
      setNote(r.value.valid ? { tone: 'ok', text: r.value.message } : { tone: 'error', error: { code: 'token-rejected', message: r.value.message } });
    });

  return (
    <form className="panel" aria-labelledby={`${id}-h`} onSubmit={handleSave}>
      <h3 id={`${id}-h`}>Lexer API token</h3>
      <TokenStatusText status={status} />
      <label htmlFor={`${id}-token`}>API token</label>
      <input
        id={`${id}-token`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        aria-describedby={`${id}-token-hint`}
      />
      <p id={`${id}-token-hint`} className="hint">
        The Hub shows a token only once, when it is created (Manage &gt; Integrations &gt; API Tokens). Paste it here; the app keeps it and shows only its last 4 characters.
      </p>
      {status?.encryptionAvailable === false && (
        <fieldset className="choice">
          <legend>Encrypted storage is not available on this computer. Keep the token:</legend>
          <label>
            <input type="radio" name={`${id}-storage`} checked={storage === 'session'} onChange={() => setStorage('session')} />
            This session only
          </label>
          <label>
            <input type="radio" name={`${id}-storage`} checked={storage === 'persistent'} onChange={() => setStorage('persistent')} />
            Store without encryption
          </label>
        </fieldset>
      )}
      <div className="buttons">
        <button type="submit" disabled={busy}>Save</button>
        <button type="button" disabled={busy || !status?.stored} onClick={handleRemove}>Remove</button>
        <button type="button" disabled={busy || !status?.stored} onClick={handleCheck}>Check token</button>
      </div>
      <div aria-live="polite" className="note">
        {note?.tone === 'ok' && <p className="ok-text">{note.text}</p>}
        {note?.tone === 'error' && <ErrorText error={note.error} />}
      </div>
    </form>
  );
}

/** Says whether a token is kept, its last 4 characters and how it is stored. */
function TokenStatusText({ status }: { status: TokenStatus | null }) {
  if (!status) return <p>Looking for a saved token…</p>;
  return (
    <div className="token-status">
      {status.stored ? (
        <p>
          A token ending in <strong data-testid="token-last4">{status.last4}</strong> is saved.
        </p>
      ) : (
        <p>No token saved yet.</p>
      )}
      <p>{status.description}</p>
      {status.warning && <p className="warning">{status.warning}</p>}
    </div>
  );
}
