import { normalizeToken, tokenLast4, type TokenVault } from './token-vault.js';

/** A vault that keeps the token in memory only, forgotten when the process ends. */
export function createSessionVault(): TokenVault {
  let token: string | null = null;
  return {
    backend: 'session',
    get: async () => token,
    async set(value) {
      token = normalizeToken(value);
    },
    async clear() {
      token = null;
    },
    async status() {
      return {
        stored: token !== null, backend: 'session', location: 'memory (this session only)', encrypted: false,
        warning: 'Kept in memory for this session only; you will be asked again next time.', last4: tokenLast4(token),
      };
    },
  };
}
