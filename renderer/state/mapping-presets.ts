/**
 * Saved column mappings, kept in the window's localStorage: a mapping is a UI convenience, not a
 * secret, and a team re-sending the same export each week wants it back with one click.
 */
import type { ColumnMapping, RecordTypeName } from '../../preload/contract.js';
import { asRecordType } from '../record-types.js';

const KEY = 'lexer-uploader:mapping-presets';

export interface MappingPreset {
  readonly name: string;
  readonly recordType: RecordTypeName;
  readonly mapping: ColumnMapping;
}

/** Reads every saved preset; a damaged store reads as empty rather than breaking the screen. */
export function loadPresets(): readonly MappingPreset[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.filter(isPreset);
  } catch {
    return [];
  }
}

/** Saves (or replaces, by name) one preset and returns the new list. */
export function savePreset(preset: MappingPreset): readonly MappingPreset[] {
  const next = [...loadPresets().filter((p) => p.name !== preset.name), preset];
  localStorage.setItem(KEY, JSON.stringify(next));
  return next;
}

function isPreset(value: unknown): value is MappingPreset {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const m = v.mapping as Record<string, unknown> | undefined;
  return typeof v.name === 'string' && typeof v.recordType === 'string' && asRecordType(v.recordType) !== null &&
    typeof m === 'object' && m !== null && typeof m.columns === 'object' && m.columns !== null;
}
