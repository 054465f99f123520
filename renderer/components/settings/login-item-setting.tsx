/**
 * "Start at login", for the desktop app only (the browser host has no such thing, so nothing
 * shows there). It applies at once, like the system's own setting, rather than with Save.
 */
import { useEffect, useId, useState } from 'react';
import type { LoginItem } from '../../../main/contract/desktop.js';
import type { ErrorInfo } from '../../../main/contract/result.js';
import { useApi } from '../../api-context.js';
import { ErrorText } from '../shared/error-text.js';

/** The start-at-login box. */
export function LoginItemSetting() {
  const api = useApi();
  const id = useId();
  const [item, setItem] = useState<LoginItem | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    void api.desktop.loginItem().then((r) => (r.ok ? setItem(r.value) : setError(r.error)));
  }, [api]);
  if (!item?.supported) return error ? <ErrorText error={error} /> : null;
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Desktop</h3>
      <div className="checkbox">
        <input
          id={`${id}-login`}
          type="checkbox"
          checked={item.openAtLogin}
          aria-describedby={`${id}-login-hint`}
          onChange={(e) => {
            setError(null);
            void api.desktop.setLoginItem(e.target.checked).then((r) => (r.ok ? setItem(r.value) : setError(r.error)));
          }}
        />
        <label htmlFor={`${id}-login`}>Start at login</label>
      </div>
      <p id={`${id}-login-hint`} className="hint">
        Watched folders then run from the moment you log in. On Windows and Linux the app starts without a window while they run; its icon in the tray opens it.
      </p>
      {error && <ErrorText error={error} />}
    </section>
  );
}
