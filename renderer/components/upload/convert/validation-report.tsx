/**
 * What validation or conversion found: counts, errors grouped by field and rule (so 10,000 bad
 * emails read as one line), the first failing lines, and the full list as a CSV download.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ConversionReport, ErrorGroup, LineError } from '../../../../main/contract/jobs.js';
import type { ErrorInfo } from '../../../../main/contract/result.js';
import { useApi } from '../../../api-context.js';
import { ErrorText } from '../../shared/error-text.js';

export interface ReportCounts {
  readonly total: number;
  readonly good: number;
  readonly bad: number;
  readonly goodLabel: string;
  readonly badLabel: string;
  /** What `total` counts ("Rows" unless said: "Lines" when rows were grouped into orders). */
  readonly totalLabel?: string;
  /** More counts after these (lines refused, e-mail addresses hashed); `bad` ones are marked. */
  readonly more?: readonly { readonly label: string; readonly value: number; readonly bad?: boolean }[];
}

interface Props {
  readonly counts: ReportCounts;
  readonly errors: readonly LineError[];
  readonly summary: readonly ErrorGroup[];
  /** A conversion's records kept without invalid optional fields. */
  readonly leftOut?: ConversionReport['leftOut'];
  readonly warnings: readonly string[];
  readonly jobId: string;
  readonly fileName: string;
  /** Take the focus when shown (a check the person just ran), then call `onFocused`. */
  readonly focusOnShow?: boolean;
  readonly onFocused?: () => void;
  /** More actions beside "Export error list" (the NDJSON panel's clean step). */
  readonly actions?: ReactNode;
}

/** The validation report. */
export function ValidationReport({ counts, errors, summary, leftOut, warnings, jobId, fileName, focusOnShow = false, onFocused, actions }: Props) {
  const api = useApi();
  const id = useId();
  const [exportError, setExportError] = useState<ErrorInfo | null>(null);
  const section = useRef<HTMLElement>(null);
  const kept = leftOut?.records ?? 0;
  useEffect(() => {
    if (!focusOnShow) return;
    section.current?.focus();
    onFocused?.();
  }, [focusOnShow, onFocused]);

  const handleExport = async () => {
    setExportError(null);
    const r = await api.jobs.exportErrors(jobId);
    if (!r.ok) return setExportError(r.error);
    // A Blob link downloads in both the browser host and Electron without any file-system access.
    const url = URL.createObjectURL(new Blob([r.value], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName.replace(/\.[^.]+$/, '')}-errors.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  // What the problems are counted in: rows, or the lines of orders when rows were grouped.
  const unit = counts.totalLabel ?? 'Rows';
  return (
    <section ref={section} tabIndex={-1} className="report" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Validation report</h4>
      <dl className="counts">
        <div><dt>{unit}</dt><dd>{counts.total.toLocaleString()}</dd></div>
        <div><dt>{counts.goodLabel}</dt><dd>{counts.good.toLocaleString()}</dd></div>
        <div><dt>{counts.badLabel}</dt><dd className={counts.bad > 0 ? 'bad' : undefined}>{counts.bad.toLocaleString()}</dd></div>
        {counts.more?.map((m) => <div key={m.label}><dt>{m.label}</dt><dd className={m.bad && m.value > 0 ? 'bad' : undefined}>{m.value.toLocaleString()}</dd></div>)}
        {kept > 0 && <div><dt>Kept without some fields</dt><dd>{kept.toLocaleString()}</dd></div>}
      </dl>
      {counts.bad === 0 && kept === 0 && <p className="ok-text">Every row is valid.</p>}
      {leftOut && kept > 0 && (
        <>
          <p data-testid="left-out-fields">
            {kept.toLocaleString()} {kept === 1 ? 'record was' : 'records were'} kept without {leftOut.fields.toLocaleString()} invalid optional{' '}
            {leftOut.fields === 1 ? 'field' : 'fields'}; the export lists each one.
          </p>
          <table>
            <caption>Fields left out by field and rule</caption>
            <thead>
              <tr><th scope="col">Field</th><th scope="col">Rule</th><th scope="col">Records</th></tr>
            </thead>
            <tbody>
              {leftOut.summary.map((g) => (
                <tr key={`${g.field}|${g.rule}`}><td><code>{g.field}</code></td><td>{g.rule}</td><td>{g.count.toLocaleString()}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {warnings.length > 0 && (
        <ul className="warning-list">
          {warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      {summary.length > 0 && (
        <table>
          <caption>Errors by field and rule</caption>
          <thead>
            <tr><th scope="col">Field</th><th scope="col">Rule</th><th scope="col">{unit}</th></tr>
          </thead>
          <tbody>
            {summary.map((g) => (
              <tr key={`${g.field}|${g.rule}`}><td>{g.field ? <code>{g.field}</code> : '(whole record)'}</td><td>{g.rule}</td><td>{g.count.toLocaleString()}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {(errors.length > 0 || kept > 0) && (
        <>
          {errors.length > 0 && <h5>First {unit.toLowerCase()} in error</h5>}
          {errors.length > 0 && (
            <ol className="line-errors">
              {errors.slice(0, 20).map((e) => (
                <li key={`${e.line}|${e.message}`}>
                  Line {e.line}: {e.message}
                  {e.identifier && <span className="row-id"> — {e.identifier}</span>}
                </li>
              ))}
            </ol>
          )}
          <div className="buttons">
            <button type="button" onClick={() => void handleExport()}>Export error list</button>
            {actions}
          </div>
          {exportError && <ErrorText error={exportError} />}
        </>
      )}
    </section>
  );
}
