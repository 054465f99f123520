/** Named secrets kept like the API token (secret-store.ts), and the checks on their names and values. */
import type { VaultBackend } from './token-vault.js';

/** Named secrets; a name is letters, digits, `-`, `_` and `.` only (it becomes a file name). */
export interface SecretStore {
  readonly backend: VaultBackend;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  clear(name: string): Promise<void>;
}

/** Checks a secret's name, so it can never reach outside the secrets folder. */
export function secretName(name: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name) || name.startsWith('.')) throw new RangeError(`"${name}" cannot name a secret.`);
  return name;
}

/** Refuses an empty secret; a password may hold spaces, so it is kept as given. */
export function checkSecret(value: string): string {
  if (value === '' || /[\r\n]/.test(value)) throw new RangeError('The password is empty or has line breaks in it.');
  return value;
}
