/**
 * Save the current column mapping under a name, or apply one saved earlier. Presets are kept by
 * main in the app's settings folder: the page's own storage was lost whenever
 * the browser host started on a new port. Presets left in that storage by earlier versions are
 * moved to main once.
 */
import { useEffect, useId, useState } from 'react';
import type { ColumnMapping, MappingPreset, RecordTypeName } from '../../../../main/contract/jobs.js';
import type { ErrorInfo } from '../../../../main/contract/result.js';
import { useApi } from '../../../api-context.js';
import { forgetLegacyPresets, readLegacyPresets } from '../../../state/mapping-presets.js';
import { ErrorText } from '../../shared/error-text.js';

interface Props {
  readonly recordType: RecordTypeName;
  readonly mapping: ColumnMapping;
  readonly headers: readonly string[];
  readonly onApply: (mapping: ColumnMapping) => void;
}

/** Preset controls under the mapping editor. */
export function MappingPresets({ recordType, mapping, headers, onApply }: Props) {
  const api = useApi();
  const id = useId();
  const [presets, setPresets] = useState<readonly MappingPreset[]>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const usable = presets.filter((p) => p.recordType === recordType);

  useEffect(() => {
    let live = true;
    void (async () => {
      const legacy = readLegacyPresets();
      const moved = await Promise.all(legacy.map((p) => api.presets.save(p)));
      if (legacy.length > 0 && moved.every((r) => r.ok)) forgetLegacyPresets();
      const r = await api.presets.list();
      if (live && r.ok) setPresets(r.value);
    })();
    return () => {
      live = false;
    };
  }, [api]);

  const handleSave = () => {
    const preset = { name: name.trim(), recordType, mapping };
    setError(null);
    void api.presets.save(preset).then((r) => {
      if (!r.ok) return setError(r.error);
      setPresets(r.value);
      setSaved(preset.name);
      setName('');
    });
  };
  const handleApply = () => {
    const preset = usable.find((p) => p.name === chosen);
    if (!preset) return;
    // Only headers this file has are taken; the others keep their current mapping.
    const columns = { ...mapping.columns };
    for (const h of headers) if (h in preset.mapping.columns) columns[h] = preset.mapping.columns[h] ?? null;
    onApply({ ...preset.mapping, columns });
  };
  const handleDelete = () => {
    void api.presets.remove(chosen, recordType).then((r) => {
      if (!r.ok) return setError(r.error);
      setPresets(r.value);
      setChosen('');
    });
  };

  return (
    <details className="presets">
      <summary>Mapping presets{usable.length > 0 ? ` (${usable.length} saved)` : ''}</summary>
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-name`}>Preset name</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="button" disabled={!name.trim()} onClick={handleSave}>Save mapping as preset</button>
          <span aria-live="polite" className="hint">{saved && `Saved “${saved}”.`}</span>
        </div>
        {usable.length > 0 && (
          <div>
            <label htmlFor={`${id}-apply`}>Saved mappings</label>
            <select id={`${id}-apply`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Choose a preset</option>
              {usable.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
            </select>
            <div className="buttons">
              <button type="button" disabled={!chosen} onClick={handleApply}>Apply</button>
              <button type="button" disabled={!chosen} onClick={handleDelete}>Delete preset</button>
            </div>
          </div>
        )}
      </div>
      {error && <ErrorText error={error} />}
    </details>
  );
}
