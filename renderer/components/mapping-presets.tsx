/** Save the current column mapping under a name, or apply one saved earlier (kept in localStorage). */
import { useId, useState } from 'react';
import type { ColumnMapping, RecordTypeName } from '../../preload/contract.js';
import { loadPresets, savePreset, type MappingPreset } from '../state/mapping-presets.js';

interface Props {
  readonly recordType: RecordTypeName;
  readonly mapping: ColumnMapping;
  readonly headers: readonly string[];
  readonly onApply: (mapping: ColumnMapping) => void;
}

/** Preset controls under the mapping editor. */
export function MappingPresets({ recordType, mapping, headers, onApply }: Props) {
  const id = useId();
  const [presets, setPresets] = useState<readonly MappingPreset[]>(loadPresets);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const usable = presets.filter((p) => p.recordType === recordType);

  const handleApply = () => {
    const preset = usable.find((p) => p.name === chosen);
    if (!preset) return;
    // Only headers this file has are taken; the others keep their current mapping.
    const columns = { ...mapping.columns };
    for (const h of headers) if (h in preset.mapping.columns) columns[h] = preset.mapping.columns[h] ?? null;
    onApply({ ...preset.mapping, columns });
  };

  return (
    <details className="presets">
      <summary>Mapping presets{usable.length > 0 ? ` (${usable.length} saved)` : ''}</summary>
      <div className="field-row">
      <div>
        <label htmlFor={`${id}-name`}>Preset name</label>
        <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
        <button
          type="button"
          disabled={!name.trim()}
          onClick={() => {
            setPresets(savePreset({ name: name.trim(), recordType, mapping }));
            setSaved(name.trim());
            setName('');
          }}
        >
          Save mapping as preset
        </button>
        <span aria-live="polite" className="hint">{saved && `Saved “${saved}”.`}</span>
      </div>
      {usable.length > 0 && (
        <div>
          <label htmlFor={`${id}-apply`}>Saved mappings</label>
          <select id={`${id}-apply`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose a preset</option>
            {usable.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
          </select>
          <button type="button" disabled={!chosen} onClick={handleApply}>Apply</button>
        </div>
      )}
      </div>
    </details>
  );
}
