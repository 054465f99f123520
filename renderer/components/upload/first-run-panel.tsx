/**
 * Shown on the Upload screen while there is nowhere to send to: no token saved and the sandbox
 * off. Two ways on: paste the token (Settings, with the box focused), or turn
 * on the local sandbox right here and try the app without a Lexer account.
 */
import { useState } from 'react';
import type { ErrorInfo } from '../../../main/contract/result.js';
import { useApi } from '../../api-context.js';
import { useConnection } from '../shared/connection-status.js';
import { ErrorText } from '../shared/error-text.js';

/** The first-run panel; renders nothing once a token or the sandbox is set. */
export function FirstRunPanel({ onPasteToken }: { readonly onPasteToken: () => void }) {
  const api = useApi();
  const connection = useConnection();
  const [error, setError] = useState<ErrorInfo | null>(null);
  if (connection.ready !== false) return null;
  const handleSandbox = () => {
    void api.settings.update({ useSandbox: true }).then((r) => {
      if (!r.ok) return setError(r.error);
      connection.refresh();
    });
  };
  return (
    <section className="panel first-run" aria-labelledby="first-run-heading" data-testid="first-run">
      <h3 id="first-run-heading">Before you upload</h3>
      <p>
        Lexer accepts files only with your API token. You can check and convert files now, but to send them, paste your token once, or try the app
        with the local sandbox (a stand-in for Lexer on this computer; nothing is sent to Lexer).
      </p>
      <div className="buttons">
        <button type="button" className="primary" onClick={onPasteToken}>Paste your API token</button>
        <button type="button" onClick={handleSandbox}>Try it with the local sandbox</button>
      </div>
      {error && <ErrorText error={error} />}
    </section>
  );
}
