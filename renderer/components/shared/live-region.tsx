/**
 * One polite live region for the whole window. Components call `announce()`; the region is
 * emptied first so the same sentence twice in a row (two files failing alike) is read twice.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/** Provides `announce()` and renders the live region it writes to. */
export function LiveRegionProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback<Announce>((text) => {
    setMessage('');
    // A new task, so screen readers see a change even when the text repeats.
    setTimeout(() => setMessage(text), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="live-region">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Returns the function that speaks a sentence through the live region. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
