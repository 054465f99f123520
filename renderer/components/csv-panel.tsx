/**
 * The CSV part of a card: a preview with what was detected, then either "send as it is" (Lexer
 * staff load CSVs by hand) or "convert to NDJSON" (the only format that loads automatically)
 * with a record type, a column mapping, and a conversion that validates every row.
 */
import { useEffect, useId, useState } from 'react';
import type { ColumnMapping, ConversionReport, CsvPreview, ErrorInfo, FileInfo, RecordTypeName } from '../../preload/contract.js';
import { useApi } from '../api-context.js';
import { withCsvExtension, withNdjsonExtension } from '../state/send-names.js';
import type { CsvMode } from '../state/upload-plan.js';
import { useAnnounce } from './live-region.js';
import { CsvPreviewTable } from './csv-preview-table.js';
import { DestinationFields } from './destination-fields.js';
import { MappingEditor } from './mapping-editor.js';
import { MappingPresets } from './mapping-presets.js';
import { JobProgress } from './job-progress.js';
import { ValidationReport } from './validation-report.js';
import { ErrorText } from './error-text.js';

interface Props {
  readonly file: FileInfo;
  readonly mode: CsvMode;
  /** `rename` turns the current send name into the one that fits the mode (.csv or .ndjson). */
  readonly onModeChange: (mode: CsvMode, rename: (name: string) => string) => void;
  readonly recordType: RecordTypeName;
  readonly onRecordTypeChange: (value: RecordTypeName) => void;
  readonly datasetId: string;
  readonly onDatasetIdChange: (value: string) => void;
  readonly conversion: ConversionReport | null;
  readonly onConversion: (report: ConversionReport | null) => void;
  readonly disabled: boolean;
}

/** The CSV part of a card. */
export function CsvPanel(props: Props) {
  const { file, mode, recordType, conversion, onConversion, disabled } = props;
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [fields, setFields] = useState<readonly string[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    void api.preview.csv(file.path, 10, recordType).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, file.path, recordType]);

  const headers = preview?.headers;
  useEffect(() => {
    if (!headers || mode !== 'convert') return;
    let live = true;
    void Promise.all([api.mapping.suggest(headers, recordType), api.mapping.fields(recordType)]).then(([suggested, all]) => {
      if (!live || !suggested.ok) return;
      setMapping(suggested.value);
      // Every field of the record type, link fields first (each record needs one), then the rest.
      const paths = all.ok ? all.value.map((f) => f.path) : [];
      const picked = Object.values(suggested.value.columns).filter((v): v is string => !!v && !v.startsWith('custom_fields'));
      setFields([...new Set([...paths, ...picked])]);
    });
    return () => {
      live = false;
    };
  }, [api, headers, recordType, mode]);

  const changeMapping = (next: ColumnMapping) => {
    setMapping(next);
    onConversion(null);
  };

  const emptyPath = mapping ? Object.entries(mapping.columns).find(([, v]) => v === '')?.[0] : undefined;

  const handleConvert = async () => {
    if (!mapping) return;
    const job = crypto.randomUUID();
    setJobId(job);
    setError(null);
    onConversion(null);
    const r = await api.jobs.convert(job, { path: file.path, recordType, mapping, gzip: false, stopOnFirstInvalid: false });
    setJobId(null);
    if (!r.ok) return setError(r.error);
    onConversion(r.value);
    announce(`Converted ${file.name}: ${r.value.written} rows written, ${r.value.rejected} rejected.`);
  };

  return (
    <div className="kind-panel">
      {preview && <CsvPreviewTable preview={preview} fileName={file.name} />}
      {preview && preview.notes.length > 0 && (
        <div className="notice notes">
          <p>Notes (nothing to fix):</p>
          <ul>{preview.notes.map((note, i) => <li key={`${note.kind}-${i}`} data-note={note.kind}>{note.message}</li>)}</ul>
        </div>
      )}
      <fieldset className="choice" disabled={disabled}>
        <legend>How to send it</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'as-is'} onChange={() => props.onModeChange('as-is', withCsvExtension)} />
          Send CSV as it is
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'convert'} onChange={() => props.onModeChange('convert', withNdjsonExtension)} />
          Convert to NDJSON
        </label>
        <p className="hint">
          {mode === 'as-is'
            ? 'Lexer staff load CSV files by hand. Converting to NDJSON lets Lexer load the records into a dataset by itself.'
            : 'Each row becomes one JSON record of the chosen type; rows that break the record type are left out and listed.'}
        </p>
      </fieldset>
      {mode === 'convert' && (
        <>
          <DestinationFields
            recordType={recordType}
            onRecordTypeChange={(t) => {
              props.onRecordTypeChange(t);
              onConversion(null);
            }}
            datasetId={props.datasetId}
            onDatasetIdChange={props.onDatasetIdChange}
            disabled={disabled}
          />
          {mapping && headers && (
            <>
              <MappingEditor headers={headers} sample={preview?.rows[0]} mapping={mapping} fields={fields} onChange={changeMapping} disabled={disabled || jobId !== null} />
              <MappingPresets recordType={recordType} mapping={mapping} headers={headers} onApply={changeMapping} />
            </>
          )}
          <div className="buttons">
            <button type="button" disabled={disabled || !mapping || jobId !== null || emptyPath !== undefined} onClick={() => void handleConvert()}>
              Convert and validate
            </button>
            {emptyPath !== undefined && <span className="hint">Type a field path for “{emptyPath}” first.</span>}
          </div>
          {jobId && <JobProgress jobId={jobId} label="Converting" />}
          {conversion && (
            <ValidationReport
              counts={{ total: conversion.rows, good: conversion.written, bad: conversion.rejected, goodLabel: 'Written', badLabel: 'Rejected' }}
              errors={conversion.errors}
              summary={conversion.summary}
              warnings={conversion.warnings}
              jobId={conversion.jobId}
              fileName={file.name}
            />
          )}
        </>
      )}
      {error && <ErrorText error={error} />}
    </div>
  );
}
