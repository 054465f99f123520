/** Record type and dataset ID: where an NDJSON file loads automatically. */
import { useId } from 'react';
import type { RecordTypeName } from '../../../main/contract/jobs.js';
import { RECORD_TYPES, asRecordType } from '../../record-types.js';
import { datasetIdProblem } from '../../state/dataset-id.js';

interface Props {
  readonly recordType: RecordTypeName;
  readonly onRecordTypeChange: (value: RecordTypeName) => void;
  readonly datasetId: string;
  readonly onDatasetIdChange: (value: string) => void;
  readonly disabled: boolean;
}

/** The "Record type" select and the "Dataset ID" box. */
export function DestinationFields({ recordType, onRecordTypeChange, datasetId, onDatasetIdChange, disabled }: Props) {
  const id = useId();
  const problem = datasetIdProblem(datasetId);
  return (
    <div className="field-row">
      <div>
        <label htmlFor={`${id}-type`}>Record type</label>
        <select
          id={`${id}-type`}
          value={recordType}
          disabled={disabled}
          onChange={(e) => {
            const value = asRecordType(e.target.value);
            if (value) onRecordTypeChange(value);
          }}
        >
          {RECORD_TYPES.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-dataset`}>Dataset ID</label>
        <input
          id={`${id}-dataset`}
          type="text"
          spellCheck={false}
          value={datasetId}
          disabled={disabled}
          onChange={(e) => onDatasetIdChange(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-dataset-problem ${id}-dataset-hint` : `${id}-dataset-hint`}
        />
        {problem && <p id={`${id}-dataset-problem`} className="warning" data-testid="dataset-warning">{problem}</p>}
        <p id={`${id}-dataset-hint`} className="hint">
          With a dataset ID, Lexer loads the file into that dataset by itself. Without one, the file waits for Lexer staff.
        </p>
      </div>
    </div>
  );
}
