/** NDJSON (or gzipped NDJSON): destination, a Validate button and its report. */
import { useId, useState } from 'react';
import type { ErrorInfo, FileInfo, RecordTypeName, ValidationReport as Report } from '../../preload/contract.js';
import { useApi } from '../api-context.js';
import { useAnnounce } from './live-region.js';
import { DestinationFields } from './destination-fields.js';
import { JobProgress } from './job-progress.js';
import { ValidationReport } from './validation-report.js';
import { ErrorText } from './error-text.js';

interface Props {
  readonly file: FileInfo;
  readonly recordType: RecordTypeName;
  readonly onRecordTypeChange: (value: RecordTypeName) => void;
  readonly datasetId: string;
  readonly onDatasetIdChange: (value: string) => void;
  readonly validateFirst: boolean;
  readonly onValidateFirstChange: (value: boolean) => void;
  readonly disabled: boolean;
}

/** The NDJSON part of a card. */
export function NdjsonPanel(props: Props) {
  const { file, recordType, disabled } = props;
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [jobId, setJobId] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [fresh, setFresh] = useState(false);

  const handleValidate = async () => {
    const job = crypto.randomUUID();
    setJobId(job);
    setReport(null);
    setError(null);
    const r = await api.jobs.validate(job, file.path, recordType);
    setJobId(null);
    if (!r.ok) return setError(r.error);
    setFresh(true);
    setReport(r.value);
    announce(`Checked ${file.name}: ${r.value.valid} valid, ${r.value.invalid} invalid records.`);
  };

  return (
    <div className="kind-panel">
      <DestinationFields
        recordType={recordType}
        onRecordTypeChange={(t) => {
          props.onRecordTypeChange(t);
          setReport(null);
        }}
        datasetId={props.datasetId}
        onDatasetIdChange={props.onDatasetIdChange}
        disabled={disabled}
      />
      <div className="buttons">
        <button type="button" disabled={disabled || jobId !== null} onClick={() => void handleValidate()}>Validate</button>
        <span className="checkbox">
          <input id={`${id}-vf`} type="checkbox" checked={props.validateFirst} disabled={disabled} onChange={(e) => props.onValidateFirstChange(e.target.checked)} />
          <label htmlFor={`${id}-vf`}>Check every record before sending, and send only if all are valid</label>
        </span>
      </div>
      {jobId && <JobProgress jobId={jobId} label="Checking records" />}
      {error && <ErrorText error={error} />}
      {report && (
        <ValidationReport
          counts={{ total: report.total, good: report.valid, bad: report.invalid, goodLabel: 'Valid', badLabel: 'Invalid' }}
          errors={report.errors}
          summary={report.summary}
          warnings={report.warnings}
          jobId={report.jobId}
          fileName={file.name}
          focusOnShow={fresh}
          onFocused={() => setFresh(false)}
        />
      )}
    </div>
  );
}
