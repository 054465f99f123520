/**
 * For many files at once: pick cards, give every selected card one record type
 * and dataset ID, and Upload all. Upload all asks each card to start as if its own Upload were
 * pressed (a conversion that left rows out still asks first); a card that is not ready says why
 * on itself, and the live region sums up.
 */
import { useContext, useEffect, useId, useRef, useState, type Dispatch } from 'react';
import type { RecordTypeName } from '../../../main/contract/jobs.js';
import { RECORD_TYPES, asRecordType } from '../../record-types.js';
import { isLocked, type Card, type CardsAction } from '../../state/cards-reducer.js';
import { datasetIdProblem } from '../../state/dataset-id.js';
import { CardRegistryContext, type StartOutcome } from './card-registry.js';
import { useAnnounce } from '../shared/live-region.js';

/** The bulk controls above the cards (shown from two cards on). */
export function BulkActions({ cards, dispatch }: { readonly cards: readonly Card[]; readonly dispatch: Dispatch<CardsAction> }) {
  const id = useId();
  const registry = useContext(CardRegistryContext);
  const announce = useAnnounce();
  const [recordType, setRecordType] = useState<RecordTypeName>('customer_record');
  const [datasetId, setDatasetId] = useState('');
  const [running, setRunning] = useState(false);
  const selectAll = useRef<HTMLInputElement>(null);
  const open = cards.filter((c) => !isLocked(c) && !c.file.blocker);
  const selected = open.filter((c) => c.selected);
  const allSelected = open.length > 0 && selected.length === open.length;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selected.length > 0 && !allSelected;
  }, [selected.length, allSelected]);
  const problem = datasetIdProblem(datasetId);

  const handleApply = () => {
    dispatch({ type: 'destination', ids: selected.map((c) => c.id), recordType, datasetId: datasetId.trim() });
    announce(`Record type ${recordType}${datasetId.trim() ? ` and dataset ${datasetId.trim()}` : ' and no dataset'} set on ${selected.length} file${selected.length === 1 ? '' : 's'}.`);
  };

  const handleUploadAll = async () => {
    setRunning(true);
    const outcomes: StartOutcome[] = [];
    for (const card of open) {
      const controller = registry.get(card.id);
      if (controller) outcomes.push(await controller.start({ focusResult: false }));
    }
    setRunning(false);
    const started = outcomes.filter((o) => o === 'started').length;
    const waiting = outcomes.filter((o) => o === 'not-ready').length;
    announce(`Started ${started} upload${started === 1 ? '' : 's'}.${waiting > 0 ? ` ${waiting} file${waiting === 1 ? ' is' : 's are'} not ready yet; ${waiting === 1 ? 'its card says' : 'their cards say'} why.` : ''}`);
  };

  return (
    <section className="panel bulk" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>All files</h3>
      <div className="bulk-row">
        <div className="checkbox">
          <input
            ref={selectAll}
            id={`${id}-all`}
            type="checkbox"
            checked={allSelected}
            disabled={open.length === 0}
            onChange={(e) => dispatch({ type: 'selected', ids: open.map((c) => c.id), selected: e.target.checked })}
          />
          <label htmlFor={`${id}-all`}>Select all ({selected.length} of {open.length} selected)</label>
        </div>
        <button type="button" className="primary" disabled={running || open.length === 0} onClick={() => void handleUploadAll()}>
          Upload all
        </button>
      </div>
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-type`}>Record type for selected</label>
          <select id={`${id}-type`} value={recordType} onChange={(e) => setRecordType(asRecordType(e.target.value) ?? recordType)}>
            {RECORD_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-dataset`}>Dataset ID for selected</label>
          <input
            id={`${id}-dataset`}
            type="text"
            spellCheck={false}
            value={datasetId}
            onChange={(e) => setDatasetId(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-dataset-problem` : undefined}
          />
          {problem && <p id={`${id}-dataset-problem`} className="warning">{problem}</p>}
        </div>
      </div>
      <div className="buttons">
        <button type="button" disabled={selected.length === 0} onClick={handleApply}>
          Apply to {selected.length} selected
        </button>
      </div>
    </section>
  );
}
