/**
 * Saved column mappings, kept by main in `<userData>/presets.json`. They used to
 * live in the page's localStorage, which belongs to the page's origin: the browser host starts on
 * a new port each run, so every preset vanished with it. Here they survive restarts in both hosts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { MappingPreset } from '../../contract/jobs.js';
import type { RecordTypeName } from '../../engine/schemas/record-type-names.js';
import { parseMapping } from '../channels/request-parsers.js';
import { usageError } from '../channels/result.js';
import { asObject, asRecordType, asString } from '../channels/validators.js';

/** Enough for every export a team sends; the file stays small enough to rewrite on each save. */
export const MAX_PRESETS = 100;

export interface PresetStore {
  list(): readonly MappingPreset[];
  /** Saves (or replaces, by name and record type) one preset; checks it as unknown first. */
  save(preset: unknown): Promise<readonly MappingPreset[]>;
  remove(name: string, recordType: RecordTypeName): Promise<readonly MappingPreset[]>;
}

/** A preset from the window (or the file), checked field by field. */
export function parsePreset(value: unknown): MappingPreset {
  const o = asObject(value, 'preset', ['name', 'recordType', 'mapping']);
  const name = asString(typeof o.name === 'string' ? o.name.trim() : o.name, 'Preset name', 100);
  return { name, recordType: asRecordType(o.recordType), mapping: parseMapping(o.mapping) };
}

/** Opens the presets file in `dir`; a damaged file (or entry) reads as none rather than failing. */
export async function openPresets(dir: string): Promise<PresetStore> {
  const file = join(dir, 'presets.json');
  let presets: MappingPreset[] = [];
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    const list = (data as { presets?: unknown }).presets;
    for (const item of Array.isArray(list) ? list : []) {
      try {
        presets.push(parsePreset(item));
      } catch {
        // one damaged preset is skipped; the rest still load
      }
    }
  } catch {
    presets = [];
  }
  const write = async (next: MappingPreset[]): Promise<readonly MappingPreset[]> => {
    await writeFileAtomic(file, `${JSON.stringify({ version: 1, presets: next }, null, 2)}\n`, { mode: 0o600 });
    presets = next;
    return [...presets];
  };
  const same = (p: MappingPreset, name: string, recordType: string) => p.name === name && p.recordType === recordType;
  return {
    list: () => [...presets],
    async save(value) {
      const preset = parsePreset(value);
      const others = presets.filter((p) => !same(p, preset.name, preset.recordType));
      if (others.length >= MAX_PRESETS) throw usageError(`At most ${MAX_PRESETS} mapping presets can be kept.`, 'Delete a preset you no longer use, then save again.');
      return write([...others, preset]);
    },
    async remove(name, recordType) {
      return write(presets.filter((p) => !same(p, name, recordType)));
    },
  };
}
