/**
 * A file's fingerprint taken once and handed on: a watched folder fingerprints each file to hold
 * a copy back while its twin is sent, and the send's duplicate guard then uses the same one
 * rather than reading the file's ends again, as long as the file has not changed since.
 */
import { stat } from 'node:fs/promises';
import { fingerprintFile } from '../dedupe/fingerprint.js';

/** A fingerprint with the size and modification time the file had when it was taken. */
export interface TakenFingerprint {
  readonly value: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Fingerprints `path`; rejects when it cannot be read. */
export async function takeFingerprint(path: string): Promise<TakenFingerprint> {
  // Stat-ed first: a write during the read moves the modification time past the one kept.
  const before = await stat(path);
  const value = await fingerprintFile(path);
  return { value, size: before.size, mtimeMs: before.mtimeMs };
}

/** `taken`'s value while `path` still has the size and modification time it had then; else null. */
export async function stillCurrent(path: string, taken: TakenFingerprint | undefined): Promise<string | null> {
  if (!taken) return null;
  const now = await stat(path).catch(() => null);
  return now && now.size === taken.size && now.mtimeMs === taken.mtimeMs ? taken.value : null;
}
