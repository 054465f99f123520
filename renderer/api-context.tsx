/**
 * Hands the one preload API to every component through React context, so no component reaches
 * for `window.lexer` itself and tests or the browser host can supply another transport.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { LexerApi } from '../preload/create-api.js';

const ApiContext = createContext<LexerApi | null>(null);

/** Provides the API to the tree below. */
export function ApiProvider({ api, children }: { api: LexerApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** Returns the API; throws when used outside `ApiProvider` (a programming error). */
export function useApi(): LexerApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it');
  return api;
}
