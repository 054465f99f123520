/**
 * Mapping presets saved by earlier versions in the window's localStorage. Presets now live in
 * main (main/services/settings/preset-store.ts); these are handed over once, then removed from the page.
 */
import type { MappingPreset } from '../../main/contract/jobs.js';
import { asRecordType } from '../record-types.js';

const KEY = 'lexer-uploader:mapping-presets';

/** The presets left in localStorage; [] when none or damaged. */
export function readLegacyPresets(): readonly MappingPreset[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isPreset) : [];
  } catch {
    return [];
  }
}

/** Removes the old store once main holds its presets. */
export function forgetLegacyPresets(): void {
  localStorage.removeItem(KEY);
}

function isPreset(value: unknown): value is MappingPreset {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const m = v.mapping as Record<string, unknown> | undefined;
  return typeof v.name === 'string' && typeof v.recordType === 'string' && asRecordType(v.recordType) !== null &&
    typeof m === 'object' && m !== null && typeof m.columns === 'object' && m.columns !== null;
}
