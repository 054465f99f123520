/**
 * Which connection an upload went through, as the duplicate guard and Retry compare them: a file
 * tried on the sandbox is not on Lexer, and one sent to Lexer is not in the sandbox. Every
 * sandbox on this computer counts as one (the app's embedded one changes port each run); any
 * other API counts by its URL.
 */
import type { HistoryEntry } from '../history/history-entry.js';

/** The API URL as History keeps it: origin and path, without a trailing slash, query or fragment. */
export function normalApiUrl(apiUrl: string): string {
  try {
    const url = new URL(apiUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return apiUrl.trim().replace(/\/+$/, '');
  }
}

/** Where a send goes: the API URL and whether it is a sandbox on this computer. */
export interface UploadConnection {
  readonly apiUrl: string;
  readonly sandbox: boolean;
}

/**
 * Whether `entry` went through `c`. An entry written before History named the API URL counts as
 * the same connection as any that is not a sandbox: the guard then asks once too often rather
 * than sending a copy twice.
 */
export function sameConnection(entry: Pick<HistoryEntry, 'apiUrl' | 'sandbox'>, c: UploadConnection): boolean {
  if (Boolean(entry.sandbox) !== c.sandbox) return false;
  if (c.sandbox || entry.apiUrl === undefined) return true;
  return normalApiUrl(entry.apiUrl) === normalApiUrl(c.apiUrl);
}

/** How a message names where `entry` went: "to the sandbox on this computer", "to https://api.lexer.io", or null when History does not say. */
export function connectionPhrase(entry: Pick<HistoryEntry, 'apiUrl' | 'sandbox'>): string | null {
  if (entry.sandbox) return 'to the sandbox on this computer (not Lexer)';
  return entry.apiUrl === undefined ? null : `to ${normalApiUrl(entry.apiUrl)}`;
}
