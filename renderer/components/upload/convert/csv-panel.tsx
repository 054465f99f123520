/**
 * The CSV part of a card: a preview with what was detected and a short "Things to know", then
 * either "send as it is" (Lexer staff load CSVs by hand) or "convert to NDJSON" (the only format
 * that loads automatically) with a record type, what one record is (a row, or an order's rows),
 * a column mapping, values every record gets, and a conversion that validates every row.
 */
import { useEffect, useRef, useState } from 'react';
import type { CsvPreview } from '../../../../main/contract/files.js';
import type { ColumnMapping, FieldOption, RecordTypeName, TextEncoding } from '../../../../main/contract/jobs.js';
import type { ErrorInfo } from '../../../../main/contract/result.js';
import type { LexerApi } from '../../../../preload/create-api.js';
import { useApi } from '../../../api-context.js';
import { columnTargets, linkConflict, fileNotes, fileProblems, poorMatch, summarizeMapping } from '../../../state/mapping-summary.js';
import { CsvPreviewTable } from './csv-preview-table.js';
import { ConvertSection } from './convert-section.js';
import { DestinationFields } from '../../shared/destination-fields.js';
import { EncodingChoice } from './encoding-choice.js';
import { LinkWarning } from './link-warning.js';
import { needsDateOrder } from './date-order-choice.js';
import { MappingEditor, customFieldFor } from './mapping-editor.js';
import { MappingPresets } from './mapping-presets.js';
import { SendModeChoice, type ConvertiblePanelProps } from './send-mode-choice.js';
import { ThingsToKnow } from './things-to-know.js';
import { ConstantValues } from './constant-values.js';
import { holdsLines, RecordGrouping } from './record-grouping.js';
import { ErrorText } from '../../shared/error-text.js';
import { keepMappingEdits } from '../../../state/keep-mapping-edits.js';

/**
 * Which field paths a column may keep once rows are grouped (all) or no longer (all but a line
 * item's fields, which exist only in an order).
 */
async function fieldsThatFit(api: LexerApi, recordType: RecordTypeName, lineItems: boolean): Promise<(path: string) => boolean> {
  if (lineItems) return () => true;
  const [withLines, without] = await Promise.all([api.mapping.fields(recordType, true), api.mapping.fields(recordType, false)]);
  if (!withLines.ok || !without.ok) return () => true;
  const kept = new Set(without.value.map((f) => f.path));
  const lineOnly = new Set(withLines.value.map((f) => f.path).filter((p) => !kept.has(p)));
  return (path) => !lineOnly.has(path);
}

/** The CSV part of a card. */
export function CsvPanel(props: ConvertiblePanelProps) {
  const { file, mode, recordType, conversion, onConversion, disabled } = props;
  const api = useApi();
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [fields, setFields] = useState<readonly FieldOption[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [encoding, setEncoding] = useState<TextEncoding | null>(null);
  // The column rows are grouped by into orders, as last chosen (a preset may bring its own).
  const [groupBy, setGroupBy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.preview.csv(file.path, 10, recordType, encoding).then((r) => {
      if (!live) return;
      setError(r.ok ? null : r.error);
      setPreview(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [api, file.path, recordType, encoding]);

  const changeEncoding = (next: TextEncoding | null) => {
    setEncoding(next);
    onConversion(null);
  };

  const headers = preview?.headers;
  const grouping = holdsLines(recordType) ? groupBy : null;
  // The suggestion the mapping started from, and for which record type and headers: choosing
  // "One record per" again suggests anew but keeps what the person changed since.
  const suggested = useRef<{ readonly key: string; readonly mapping: ColumnMapping } | null>(null);
  useEffect(() => {
    if (!headers || mode !== 'convert') return;
    let live = true;
    const key = JSON.stringify([recordType, headers]);
    void Promise.all([api.mapping.suggest(headers, recordType, grouping), fieldsThatFit(api, recordType, grouping !== null)]).then(([next, fits]) => {
      if (!live || !next.ok) return;
      const prior = suggested.current;
      suggested.current = { key, mapping: next.value };
      setMapping((current) => (current && prior?.key === key ? keepMappingEdits(current, prior.mapping, next.value, fits) : next.value));
    });
    return () => {
      live = false;
    };
  }, [api, headers, recordType, mode, grouping]);
  // Grouped into orders, each line's item fields (products.quantity) are choices too.
  const lineItems = mapping?.groupBy !== undefined;
  useEffect(() => {
    if (mode !== 'convert') return;
    let live = true;
    void api.mapping.fields(recordType, lineItems).then((all) => live && setFields(all.ok ? all.value : []));
    return () => {
      live = false;
    };
  }, [api, recordType, mode, lineItems]);

  const changeMapping = (next: ColumnMapping) => {
    setMapping(next);
    // A preset may group rows into orders (or stop): the choice follows it.
    setGroupBy(next.groupBy ?? null);
    onConversion(null);
  };

  const emptyPath = mapping ? Object.entries(mapping.columns).find(([, v]) => v === '')?.[0] : undefined;
  // Date columns whose first dates could be either order (or mix both) wait for the person's choice.
  const dateFields = new Set(fields.filter((f) => f.kind === 'date' || f.kind === 'date-time').map((f) => f.path));
  const dateColumns = preview?.dateColumns ?? [];
  const unclearDates = mapping
    ? Object.entries(mapping.columns).find(([header, path]) => path && dateFields.has(path) && needsDateOrder(dateColumns.find((d) => d.header === header) ?? null, mapping.dateOrders?.[header] ?? null))?.[0]
    : undefined;
  // Every field of the record type, plus any path a suggestion or a preset brought that is not one of them.
  const paths = mapping
    ? [...new Set([...fields.map((f) => f.path), ...Object.values(mapping.columns).filter((v): v is string => !!v && !v.startsWith('custom_fields'))])]
    : [];
  const targets = mapping && headers ? columnTargets(headers, mapping, customFieldFor) : [];
  const conflict = linkConflict(targets, fields, customFieldFor);
  const summary = mapping && headers && mode === 'convert' ? summarizeMapping(targets, fields, Object.keys(mapping.constants ?? {})) : null;
  const idColumn = mapping ? Object.keys(mapping.columns).find((h) => mapping.columns[h] === 'purchase_id' || mapping.columns[h] === 'return_id') ?? null : null;

  return (
    <div className="kind-panel">
      <EncodingChoice detected={preview && encoding === null ? preview.encoding : null} chosen={encoding} onChange={changeEncoding} disabled={disabled} />
      {preview && <CsvPreviewTable preview={preview} fileName={file.name} />}
      {preview && <ThingsToKnow problems={fileProblems(preview)} notes={fileNotes(preview)} summary={summary} linkConflict={conflict !== null} unclearDates={unclearDates ?? null} recordType={recordType} />}
      <SendModeChoice format="CSV" mode={mode} onModeChange={props.onModeChange} disabled={disabled} />
      {mode === 'convert' && (
        <>
          <DestinationFields
            recordType={recordType}
            onRecordTypeChange={props.onRecordTypeChange}
            datasetId={props.datasetId}
            onDatasetIdChange={props.onDatasetIdChange}
            disabled={disabled}
          />
          {mapping && headers && (
            <>
              {conflict && (
                <LinkWarning
                  conflict={conflict}
                  disabled={disabled}
                  onMove={(header, path) => changeMapping({ ...mapping, columns: { ...mapping.columns, [header]: path } })}
                />
              )}
              {holdsLines(recordType) && (
                <RecordGrouping
                  recordType={recordType}
                  headers={headers}
                  rows={preview?.rows ?? []}
                  groupBy={mapping.groupBy ?? null}
                  idColumn={idColumn}
                  onChange={(next) => {
                    setGroupBy(next);
                    onConversion(null);
                  }}
                  disabled={disabled}
                />
              )}
              <MappingEditor
                headers={headers}
                sample={preview?.rows[0]}
                mapping={mapping}
                fields={paths}
                dateFields={dateFields}
                dateColumns={dateColumns}
                onChange={changeMapping}
                disabled={disabled}
              />
              <ConstantValues
                fields={fields}
                constants={mapping.constants ?? {}}
                missing={summary?.missing ?? []}
                onChange={(constants) => changeMapping({ ...mapping, constants })}
                disabled={disabled}
              />
              <MappingPresets recordType={recordType} mapping={mapping} headers={headers} onApply={changeMapping} />
            </>
          )}
          <ConvertSection
            file={file}
            recordType={recordType}
            mapping={mapping}
            encoding={encoding}
            blocked={
              emptyPath !== undefined ? `Type a field path for “${emptyPath}” first.`
                : unclearDates !== undefined ? `Choose how the dates in “${unclearDates}” are read first.` : null
            }
            conversion={conversion}
            onConversion={onConversion}
            disabled={disabled}
            poorMatch={poorMatch(targets)}
          />
        </>
      )}
      {error && <ErrorText error={error} />}
    </div>
  );
}
