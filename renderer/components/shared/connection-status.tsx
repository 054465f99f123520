/**
 * Whether uploads have somewhere to go: a saved token, or the local sandbox (and whether e-mail
 * addresses must leave only hashed, which decides what a card may send). Shared by the
 * Upload screen (its first-run panel, each card's Upload) and refreshed by Settings whenever the
 * token or the sandbox choice changes, so a person learns what is missing before any long work,
 * not from a failed upload at the end.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../../api-context.js';

export interface Connection {
  /** A token is saved or the sandbox is on; null until known. */
  readonly ready: boolean | null;
  readonly sandbox: boolean;
  /** Settings say e-mail addresses leave only hashed: files go only as conversions that hashed them. */
  readonly hashEmails: boolean;
  /** Reads the token status and the sandbox setting again. */
  readonly refresh: () => void;
}

const ConnectionContext = createContext<Connection>({ ready: null, sandbox: false, hashEmails: false, refresh: () => undefined });

/** Provides the connection state to the window. */
export function ConnectionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<{ ready: boolean | null; sandbox: boolean; hashEmails: boolean }>({ ready: null, sandbox: false, hashEmails: false });
  const refresh = useCallback(() => {
    void Promise.all([api.token.status(), api.settings.get()]).then(([token, settings]) => {
      if (!token.ok || !settings.ok) return; // unknown: main still checks at upload time
      setState({ ready: token.value.stored || settings.value.useSandbox, sandbox: settings.value.useSandbox, hashEmails: settings.value.hashEmails });
    });
  }, [api]);
  useEffect(refresh, [refresh]);
  const value = useMemo(() => ({ ...state, refresh }), [state, refresh]);
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

/** The connection state. */
export function useConnection(): Connection {
  return useContext(ConnectionContext);
}
