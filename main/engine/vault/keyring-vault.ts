import { AsyncEntry } from '@napi-rs/keyring';
import { checkSecret, secretName, type SecretStore } from './secret-types.js';
import { normalizeToken, tokenLast4, type TokenVault } from './token-vault.js';

const SERVICE = 'lexer-uploader';
const ACCOUNT = 'api-token';
/** A keychain that does not answer quickly (e.g. a D-Bus call with no Secret Service) counts as absent. */
const PROBE_TIMEOUT_MS = 3000;

/**
 * A vault in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service), or null
 * where the keychain does not work.
 *
 * Probes with a set/get/delete of a throwaway entry: on Linux without a Secret Service the binding
 * loads fine but every call fails ("Couldn't access platform storage"), so loading is no proof.
 */
export async function createKeyringVault(): Promise<TokenVault | null> {
  if (!(await keyringWorks())) return null;
  const entry = new AsyncEntry(SERVICE, ACCOUNT);
  const get = async (): Promise<string | null> => (await entry.getPassword()) ?? null;
  return {
    backend: 'keychain',
    get,
    async set(token) {
      await entry.setPassword(normalizeToken(token));
    },
    async clear() {
      try {
        await entry.deleteCredential();
      } catch {
        // Nothing stored: clearing is already done.
      }
    },
    async status() {
      const token = await get();
      return {
        stored: token !== null, backend: 'keychain', location: `the system keychain (service "${SERVICE}", account "${ACCOUNT}")`,
        encrypted: true, warning: null, last4: tokenLast4(token),
      };
    },
  };
}

async function keyringWorks(): Promise<boolean> {
  try {
    const probe = new AsyncEntry(SERVICE, 'probe');
    const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
    await probe.setPassword('probe', signal);
    const ok = (await probe.getPassword(signal)) === 'probe';
    await probe.deleteCredential(signal);
    return ok;
  } catch {
    return false;
  }
}

/** Named secrets in the OS keychain (account `secret:<name>`), or null where the keychain does not work. */
export async function createKeyringSecrets(): Promise<SecretStore | null> {
  if (!(await keyringWorks())) return null;
  const entry = (name: string): AsyncEntry => new AsyncEntry(SERVICE, `secret:${secretName(name)}`);
  return {
    backend: 'keychain',
    get: async (name) => (await entry(name).getPassword()) ?? null,
    set: async (name, value) => entry(name).setPassword(checkSecret(value)),
    async clear(name) {
      await entry(name).deleteCredential().catch(() => undefined);
    },
  };
}
