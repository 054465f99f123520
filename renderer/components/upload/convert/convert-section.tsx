/**
 * "Convert and validate" for a CSV or a JSON array: runs the conversion in main (every row typed
 * and checked), shows its progress with Stop, then the report, which takes the focus so a screen
 * reader hears the counts at once. Per conversion, the person may keep a
 * record whose only invalid fields are optional ones, without those fields.
 */
import { useId, useState } from 'react';
import type { FileInfo } from '../../../../main/contract/files.js';
import type { ColumnMapping, ConversionReport, RecordTypeName, TextEncoding } from '../../../../main/contract/jobs.js';
import type { ErrorInfo } from '../../../../main/contract/result.js';
import type { ColumnMatch } from '../../../state/mapping-summary.js';
import { useConfirm } from '../../shared/confirm-dialog.js';
import { useApi } from '../../../api-context.js';
import { useConnection } from '../../shared/connection-status.js';
import { useAnnounce } from '../../shared/live-region.js';
import { JobProgress } from './job-progress.js';
import { ValidationReport, type ReportCounts } from './validation-report.js';
import { ErrorText } from '../../shared/error-text.js';

interface Props {
  readonly file: FileInfo;
  readonly recordType: RecordTypeName;
  /** Null while the mapping is loading. */
  readonly mapping: ColumnMapping | null;
  /** The CSV's encoding as the person chose it, or null (absent for JSON) to detect it. */
  readonly encoding?: TextEncoding | null;
  /** Why converting cannot start yet (shown beside the button), or null. */
  readonly blocked: string | null;
  readonly conversion: ConversionReport | null;
  readonly onConversion: (report: ConversionReport | null) => void;
  readonly disabled: boolean;
  /** Set when fewer than half of the columns fill fields of the record type: asked before converting. */
  readonly poorMatch?: ColumnMatch | null;
}

/** Column names said in the question before the rest are counted. */
const NAMED = 8;
const names = (headers: readonly string[]): string =>
  `${headers.slice(0, NAMED).map((h) => `“${h}”`).join(', ')}${headers.length > NAMED ? ` and ${headers.length - NAMED} more` : ''}`;

/** The convert button, its progress and its report. */
export function ConvertSection({ file, recordType, mapping, encoding, blocked, conversion, onConversion, disabled, poorMatch = null }: Props) {
  const api = useApi();
  const announce = useAnnounce();
  const connection = useConnection();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [fresh, setFresh] = useState(false);
  const [noTokenYet, setNoTokenYet] = useState(false);
  const [keepRecords, setKeepRecords] = useState(false);
  const [dialog, ask] = useConfirm();
  const id = useId();

  const handleConvert = async () => {
    if (!mapping) return;
    if (poorMatch) {
      const { matched, unmatched } = poorMatch;
      const total = matched.length + unmatched.length;
      const yes = await ask({
        title: `Is this file a ${recordType} file?`,
        message: (
          <p>
            Only {matched.length} of the {total} columns of {file.name} match fields of {recordType}{matched.length > 0 ? ` (${names(matched)})` : ''}. These did
            not map and would only be custom fields: {names(unmatched)}. Choose another record type, or map the columns; convert it as {recordType} anyway?
          </p>
        ),
        confirmLabel: 'Convert anyway',
        cancelLabel: 'Don’t convert',
      });
      if (!yes) return;
    }
    const job = crypto.randomUUID();
    setJobId(job);
    setError(null);
    // Say it now, before a long conversion, not after it at Upload.
    setNoTokenYet(connection.ready === false);
    onConversion(null);
    const r = await api.jobs.convert(job, {
      path: file.path, recordType, mapping, gzip: false, stopOnFirstInvalid: false, leaveOutInvalidFields: keepRecords, ...(encoding ? { encoding } : {}),
    });
    setJobId(null);
    if (!r.ok) return setError(r.error);
    setFresh(true);
    onConversion(r.value);
    const kept = r.value.leftOut.records > 0 ? `, ${r.value.leftOut.records} kept without ${r.value.leftOut.fields} invalid fields` : '';
    const { orders, emails } = r.value;
    const hashed = emails ? `; ${emails.hashed} e-mail addresses hashed` : '';
    announce(orders
      ? `Converted ${file.name}: ${r.value.rows} lines, ${orders.written} orders written, ${orders.refused} refused${hashed}.`
      : `Converted ${file.name}: ${r.value.written} rows written${kept}, ${r.value.rejected} rejected${hashed}.`);
  };

  return (
    <>
      <div className="checkbox">
        <input
          id={`${id}-keep`}
          type="checkbox"
          checked={keepRecords}
          disabled={disabled || jobId !== null}
          aria-describedby={`${id}-keep-hint`}
          onChange={(e) => {
            setKeepRecords(e.target.checked);
            onConversion(null);
          }}
        />
        <label htmlFor={`${id}-keep`}>Keep the record and leave out fields that are invalid</label>
      </div>
      <p id={`${id}-keep-hint`} className="hint">
        Only optional fields are left out, never the link or a required field; the report counts them and the export lists each one.
      </p>
      <div className="buttons">
        <button type="button" disabled={disabled || !mapping || jobId !== null || blocked !== null} onClick={() => void handleConvert()}>
          Convert and validate
        </button>
        {blocked && <span className="hint">{blocked}</span>}
      </div>
      {noTokenYet && connection.ready === false && (
        <p className="notice">Converting needs no token, but sending does: paste your API token in Settings, or try the local sandbox, before you upload.</p>
      )}
      {jobId && <JobProgress jobId={jobId} label="Converting" />}
      {conversion && (
        <ValidationReport
          counts={conversionCounts(conversion)}
          errors={conversion.errors}
          summary={conversion.summary}
          leftOut={conversion.leftOut}
          warnings={conversion.warnings}
          jobId={conversion.jobId}
          fileName={file.name}
          focusOnShow={fresh}
          onFocused={() => setFresh(false)}
        />
      )}
      {error && <ErrorText error={error} />}
      {dialog}
    </>
  );
}

/** The report's counts: rows, or lines and orders when rows were grouped; the addresses hashed when they were. */
export function conversionCounts(c: ConversionReport): ReportCounts {
  const hashed = c.emails ? [{ label: 'E-mail addresses hashed', value: c.emails.hashed }, ...(c.emails.leftOut > 0 ? [{ label: 'E-mail addresses left out', value: c.emails.leftOut }] : [])] : [];
  if (c.orders) {
    return {
      total: c.rows, totalLabel: 'Lines', good: c.orders.written, goodLabel: 'Orders written', bad: c.orders.refused, badLabel: 'Orders refused',
      more: [{ label: 'Lines refused', value: c.rejected, bad: true }, ...hashed],
    };
  }
  return { total: c.rows, good: c.written, bad: c.rejected, goodLabel: 'Written', badLabel: 'Rejected', more: hashed };
}
