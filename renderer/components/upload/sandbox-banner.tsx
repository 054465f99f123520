/**
 * Says plainly, on the Upload screen, when uploads go to the local sandbox instead of Lexer,
 * and where the sandbox keeps what it received. Re-checked whenever the screen is shown or the
 * sandbox setting changes.
 */
import { useEffect, useState } from 'react';
import type { SandboxStatus } from '../../../main/contract/settings.js';
import { useApi } from '../../api-context.js';
import { useConnection } from '../shared/connection-status.js';

/** The sandbox-mode notice (renders nothing when uploads go to Lexer). */
export function SandboxBanner({ visible }: { readonly visible: boolean }) {
  const api = useApi();
  const [status, setStatus] = useState<SandboxStatus | null>(null);
  // Also when the first-run panel turns the sandbox on from this very screen.
  const { sandbox } = useConnection();
  useEffect(() => {
    if (!visible) return;
    let live = true;
    void api.sandbox.status().then((r) => live && setStatus(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [api, visible, sandbox]);
  if (!status?.enabled) return null;
  return (
    <p className="notice" data-testid="sandbox-banner">
      <strong>Sandbox mode:</strong> uploads go to the local sandbox on this computer, not to Lexer
      {status.storageDir ? <> (files are kept in <code>{status.storageDir}</code>)</> : null}. Turn it off in Settings to send to Lexer.
    </p>
  );
}
