/**
 * "How to send it" for a CSV or a JSON file: as it is (Lexer staff load such files by hand), or
 * converted to NDJSON, the only format Lexer loads into a dataset by itself.
 */
import { useId } from 'react';
import type { FileInfo } from '../../../../main/contract/files.js';
import type { ConversionReport, RecordTypeName } from '../../../../main/contract/jobs.js';
import { withCsvExtension, withJsonExtension, withNdjsonExtension } from '../../../state/send-names.js';
import type { CsvMode } from '../../../state/upload-plan.js';

/** What a CSV or JSON panel gets from its card: the send mode, the destination, the conversion. */
export interface ConvertiblePanelProps {
  readonly file: FileInfo;
  readonly mode: CsvMode;
  /** `rename` turns the current send name into the one that fits the mode (.csv/.json or .ndjson). */
  readonly onModeChange: (mode: CsvMode, rename: (name: string) => string) => void;
  readonly recordType: RecordTypeName;
  readonly onRecordTypeChange: (value: RecordTypeName) => void;
  readonly datasetId: string;
  readonly onDatasetIdChange: (value: string) => void;
  readonly conversion: ConversionReport | null;
  readonly onConversion: (report: ConversionReport | null) => void;
  readonly disabled: boolean;
}

interface Props {
  readonly format: 'CSV' | 'JSON';
  readonly mode: CsvMode;
  /** `rename` turns the current send name into the one that fits the mode. */
  readonly onModeChange: (mode: CsvMode, rename: (name: string) => string) => void;
  readonly disabled: boolean;
}

/** The two radio buttons and a line on what each means. */
export function SendModeChoice({ format, mode, onModeChange, disabled }: Props) {
  const id = useId();
  const backTo = format === 'CSV' ? withCsvExtension : withJsonExtension;
  return (
    <fieldset className="choice" disabled={disabled}>
      <legend>How to send it</legend>
      <label>
        <input type="radio" name={`${id}-mode`} checked={mode === 'as-is'} onChange={() => onModeChange('as-is', backTo)} />
        Send {format} as it is
      </label>
      <label>
        <input type="radio" name={`${id}-mode`} checked={mode === 'convert'} onChange={() => onModeChange('convert', withNdjsonExtension)} />
        Convert to NDJSON
      </label>
      <p className="hint">
        {mode === 'as-is'
          ? `Lexer staff load ${format} files by hand. Converting to NDJSON lets Lexer load the records into a dataset by itself.`
          : format === 'CSV'
            ? 'Each row becomes one JSON record of the chosen type; rows that break the record type are left out and listed.'
            : 'Each item of the JSON array becomes one record of the chosen type; items that break the record type are left out and listed.'}
      </p>
    </fieldset>
  );
}
