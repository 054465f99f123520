/**
 * NDJSON (or gzipped NDJSON): destination, a Validate button and its report, and the clean step;
 * with Settings' "Send e-mail addresses only hashed", the copy sent has them hashed.
 */
import { useId, useState } from 'react';
import type { FileInfo } from '../../../../main/contract/files.js';
import type { ConversionReport, RecordTypeName, ValidationReport as Report } from '../../../../main/contract/jobs.js';
import type { ErrorInfo } from '../../../../main/contract/result.js';
import { useApi } from '../../../api-context.js';
import { useConnection } from '../../shared/connection-status.js';
import { useAnnounce } from '../../shared/live-region.js';
import { DestinationFields } from '../../shared/destination-fields.js';
import { JobProgress } from './job-progress.js';
import { ValidationReport } from './validation-report.js';
import { ErrorText } from '../../shared/error-text.js';

interface Props {
  readonly file: FileInfo;
  readonly recordType: RecordTypeName;
  readonly onRecordTypeChange: (value: RecordTypeName) => void;
  readonly datasetId: string;
  readonly onDatasetIdChange: (value: string) => void;
  readonly validateFirst: boolean;
  readonly onValidateFirstChange: (value: boolean) => void;
  /** The cleaned copy to upload instead of the file (null: upload the file itself). */
  readonly onCleaned: (report: ConversionReport | null) => void;
  readonly disabled: boolean;
}

/** "a byte-order mark and 3 blank lines". */
function framingText(f: { byteOrderMarks: number; blankLines: number }): string {
  const parts: string[] = [];
  if (f.byteOrderMarks > 0) parts.push(f.byteOrderMarks === 1 ? 'a byte-order mark' : `${f.byteOrderMarks.toLocaleString()} byte-order marks`);
  if (f.blankLines > 0) parts.push(f.blankLines === 1 ? 'a blank line' : `${f.blankLines.toLocaleString()} blank lines`);
  return parts.join(' and ');
}

/** The NDJSON part of a card. */
export function NdjsonPanel(props: Props) {
  const { file, recordType, disabled, onCleaned } = props;
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  // Main hashes every conversion while Settings say so: the cleaned copy is then the hashed one.
  const { hashEmails } = useConnection();
  const [jobId, setJobId] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [cleaned, setCleaned] = useState<ConversionReport | null>(null);
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

  // Lexer refuses a byte-order mark and blank lines as rows: write a copy without them and send that.
  const handleClean = async () => {
    const job = crypto.randomUUID();
    setJobId(job);
    setError(null);
    const mapping = { columns: {}, unknownColumns: 'custom_fields' as const, inferCustomTypes: false };
    const r = await api.jobs.convert(job, { path: file.path, recordType, mapping, gzip: file.kind === 'gzip', stopOnFirstInvalid: false });
    setJobId(null);
    if (!r.ok) return setError(r.error);
    setCleaned(r.value);
    onCleaned(r.value.written > 0 ? r.value : null);
    const done = [
      ...(r.value.emails ? [`${r.value.emails.hashed} e-mail addresses hashed`] : []),
      ...(framingText(r.value.cleaned) ? [`removed ${framingText(r.value.cleaned)}`] : []),
    ];
    announce(`Copy of ${file.name} ready: ${done.join(', ')}; ${r.value.written} records will be sent.`);
  };

  const framing = report ? framingText(report.framing) : '';

  return (
    <div className="kind-panel">
      <DestinationFields
        recordType={recordType}
        onRecordTypeChange={(t) => {
          props.onRecordTypeChange(t);
          setReport(null);
          setCleaned(null);
          onCleaned(null);
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
          actions={(framing || hashEmails) && !cleaned ? (
            <button type="button" disabled={disabled || jobId !== null} onClick={() => void handleClean()}>
              {hashEmails ? `Hash e-mail addresses${framing ? ` and remove ${framing}` : ''} (send a hashed copy)` : `Remove ${framing} (send a cleaned copy)`}
            </button>
          ) : null}
        />
      )}
      {cleaned && (
        <p className="ok-text" role="status">
          {cleaned.emails ? `Hashed copy ready: ${cleaned.emails.hashed.toLocaleString()} e-mail addresses hashed` : 'Cleaned copy ready'}
          {framingText(cleaned.cleaned) ? `, removed ${framingText(cleaned.cleaned)}` : ''}. {cleaned.written.toLocaleString()} records will be sent
          {cleaned.rejected > 0 ? `; ${cleaned.rejected.toLocaleString()} invalid records are left out` : ''}.
        </p>
      )}
    </div>
  );
}
