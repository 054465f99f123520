/**
 * The API token: paste once, save, check, remove. The renderer never reads the token back;
 * main only tells it the last 4 characters and how the token is kept (TokenStatus). One sentence
 * says where it is (or would be) kept, following the choice on screen; Remove asks first, since
 * the Hub shows a token only once; Check asks the API URL on screen, with the token typed in the
 * box when there is one (so a pasted token can be checked before it is saved).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '../../../main/contract/result.js';
import type { TokenCheckTarget, TokenStatus, TokenStorageChoice } from '../../../main/contract/settings.js';
import { useApi } from '../../api-context.js';
import { useConfirm } from '../shared/confirm-dialog.js';
import { useConnection } from '../shared/connection-status.js';
import { ErrorText } from '../shared/error-text.js';

type Note = { readonly tone: 'ok'; readonly text: string } | { readonly tone: 'error'; readonly error: ErrorInfo };

interface Props {
  /** Where Check asks: the API URL and sandbox choice on screen (null until settings are read). */
  readonly checkTarget: TokenCheckTarget | null;
  /** Whether that target is what is saved (else the result says it checked unsaved settings). */
  readonly checkTargetSaved: boolean;
  /** Told whether a token is typed but not saved yet. */
  readonly onTypedChange: (typed: boolean) => void;
  /** Changes when the token box should take the focus. */
  readonly focusToken: number;
}

const SESSION_SENTENCE = 'A token you save is kept in memory for this session only; you will paste it again next time.';

/** Token section of Settings. */
export function TokenSettings({ checkTarget, checkTargetSaved, onTypedChange, focusToken }: Props) {
  const api = useApi();
  const id = useId();
  const connection = useConnection();
  const [dialog, ask] = useConfirm();
  const input = useRef<HTMLInputElement>(null);
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
  useEffect(() => onTypedChange(token.trim() !== ''), [token, onTypedChange]);
  useEffect(() => {
    if (focusToken === 0) return;
    // After the tab switch has shown the panel.
    requestAnimationFrame(() => input.current?.focus());
  }, [focusToken]);

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
      connection.refresh();
    });
  };

  const handleRemove = async () => {
    const yes = await ask({
      title: 'Remove the API token?',
      message: (
        <p>
          The token ending in {status?.last4 ?? '????'} will be deleted from this computer. The Hub shows a token only once, so to upload again you will
          need a copy you kept or a new token from the Hub.
        </p>
      ),
      confirmLabel: 'Remove token',
      cancelLabel: 'Keep it',
    });
    if (!yes) return;
    void run(async () => {
      const r = await api.token.clear();
      if (!r.ok) return setNote({ tone: 'error', error: r.error });
      setStatus(r.value);
      setNote({ tone: 'ok', text: 'Token removed from this computer.' });
      connection.refresh();
    });
  };

  const handleCheck = () =>
    void run(async () => {
      // A token typed in the box is checked as it is (never saved by checking); else the saved one,
      // which main sends only to the saved API URL.
      const typed = token.trim();
      const target = checkTarget && typed && !checkTarget.useSandbox ? { ...checkTarget, token: typed } : checkTarget;
      const r = await api.token.check(target);
      if (!r.ok) return setNote({ tone: 'error', error: r.error });
      const where = target?.token
        ? ` (Checked the token typed against ${target.apiUrl}; it is not saved until you press Save.)`
        : checkTarget && !checkTargetSaved
          ? checkTarget.useSandbox ? ' (Checked against the local sandbox ticked below, not saved yet.)' : ` (Checked against ${checkTarget.apiUrl}, not saved yet.)`
          : '';
      const message = `${r.value.message}${where}`;
      setNote(r.value.valid ? { tone: 'ok', text: message } : { tone: 'error', error: { code: 'token-rejected', message } });
    });

  return (
    <form className="panel" aria-labelledby={`${id}-h`} onSubmit={handleSave}>
      <h3 id={`${id}-h`}>Lexer API token</h3>
      <TokenStatusText status={status} storage={storage} />
      <label htmlFor={`${id}-token`}>API token</label>
      <input
        ref={input}
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
        <button type="button" disabled={busy || !status?.stored} onClick={() => void handleRemove()}>Remove</button>
        <button type="button" disabled={busy || (!status?.stored && token.trim() === '')} onClick={handleCheck}>Check token</button>
      </div>
      <div aria-live="polite" className="note">
        {note?.tone === 'ok' && <p className="ok-text">{note.text}</p>}
        {note?.tone === 'error' && <ErrorText error={note.error} />}
      </div>
      {dialog}
    </form>
  );
}

/**
 * Says whether a token is kept, its last 4 characters and, in one sentence, how it is (or would
 * be) stored: before a token is saved without encryption available, the sentence follows the
 * storage choice on screen instead of describing a plain file the person did not pick.
 */
function TokenStatusText({ status, storage }: { status: TokenStatus | null; storage: TokenStorageChoice }) {
  if (!status) return <p>Looking for a saved token…</p>;
  const sessionChosen = !status.stored && !status.encryptionAvailable && storage === 'session';
  const sentence = sessionChosen ? SESSION_SENTENCE : status.description;
  const weak = !sessionChosen && status.warning !== null;
  return (
    <div className="token-status">
      {status.stored ? (
        <p>
          A token ending in <strong data-testid="token-last4">{status.last4}</strong> is saved.
        </p>
      ) : (
        <p>No token saved yet.</p>
      )}
      <p className={weak ? 'warning' : undefined} data-testid="token-storage">{sentence}</p>
    </div>
  );
}
