/**
 * The JSON part of a card: send the file as it is (for Lexer staff), or convert a JSON array of
 * records to NDJSON against a record type, as `lexer-upload convert` does.
 * Each item's keys already name the fields, so there is no column mapping to make.
 */
import type { ColumnMapping } from '../../../../main/contract/jobs.js';
import { ConvertSection } from './convert-section.js';
import { DestinationFields } from '../../shared/destination-fields.js';
import { SendModeChoice, type ConvertiblePanelProps } from './send-mode-choice.js';

/** Keys the record type does not know go under custom_fields, as the command does by default. */
const AS_WRITTEN: ColumnMapping = { columns: {}, unknownColumns: 'custom_fields', inferCustomTypes: false };

/** The JSON part of a card. */
export function JsonPanel(props: ConvertiblePanelProps) {
  const { file, mode, recordType, disabled } = props;
  return (
    <div className="kind-panel">
      <SendModeChoice format="JSON" mode={mode} onModeChange={props.onModeChange} disabled={disabled} />
      {mode === 'convert' && (
        <>
          <DestinationFields
            recordType={recordType}
            onRecordTypeChange={props.onRecordTypeChange}
            datasetId={props.datasetId}
            onDatasetIdChange={props.onDatasetIdChange}
            disabled={disabled}
          />
          <ConvertSection
            file={file}
            recordType={recordType}
            mapping={AS_WRITTEN}
            blocked={null}
            conversion={props.conversion}
            onConversion={props.onConversion}
            disabled={disabled}
          />
        </>
      )}
      {mode === 'as-is' && <p className="hint">Lexer loads only NDJSON automatically; as it is, this file waits for Lexer staff to load it.</p>}
    </div>
  );
}
