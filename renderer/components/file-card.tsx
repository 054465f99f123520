/**
 * One file: what it is, the name it will be sent under, the choices its kind needs (CSV
 * preview and conversion, NDJSON destination and validation), its progress and the Upload button.
 */
import { useId, useState, type Dispatch } from 'react';
import type { ConversionReport, FileKind, RecordTypeName } from '../../preload/contract.js';
import { useApi } from '../api-context.js';
import { isFinal, type Card, type CardsAction } from '../state/cards-reducer.js';
import { defaultDatasetFileName } from '../state/send-names.js';
import { isDatasetKind, planUpload, type CsvMode } from '../state/upload-plan.js';
import { formatBytes } from '../format/format-bytes.js';
import { NameField } from './name-field.js';
import { CsvPanel } from './csv-panel.js';
import { NdjsonPanel } from './ndjson-panel.js';
import { UploadProgress } from './upload-progress.js';
import { ErrorText } from './error-text.js';

const KIND_LABEL: Record<FileKind, string> = { csv: 'CSV', ndjson: 'NDJSON', json: 'JSON', gzip: 'gzip', other: 'Other' };

/** A file card. */
export function FileCard({ card, dispatch }: { card: Card; dispatch: Dispatch<CardsAction> }) {
  const api = useApi();
  const id = useId();
  const { file } = card;
  const [sendName, setSendName] = useState(card.defaults.filename ?? file.nameCheck.fixed);
  const [recordType, setRecordType] = useState<RecordTypeName>(card.defaults.recordType ?? 'customer_record');
  const [datasetId, setDatasetId] = useState(card.defaults.datasetId ?? '');
  const [csvMode, setCsvMode] = useState<CsvMode>('as-is');
  const [conversion, setConversion] = useState<ConversionReport | null>(null);
  const [validateFirst, setValidateFirst] = useState(true);

  const busy = card.upload !== null && !isFinal(card.upload);
  // Sending the same file twice would load its records twice; a new card is a deliberate choice.
  const sent = card.upload?.kind === 'succeeded';
  const plan = planUpload({ file: card.file, sendName, recordType, datasetId, csvMode, conversion, validateFirst });

  const handleStart = async () => {
    if (!plan.ready) return;
    dispatch({ type: 'upload-state', id: card.id, state: { kind: 'pending' } });
    const r = await api.uploads.start({ id: card.id, ...plan.request });
    if (!r.ok) dispatch({ type: 'upload-state', id: card.id, state: { kind: 'failed', error: r.error } });
    // Only an end state from the reply is kept: progress events may already be ahead of it.
    else if (isFinal(r.value)) dispatch({ type: 'upload-state', id: card.id, state: r.value });
  };
  const handleCancel = () => void api.uploads.cancel(card.id);

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="file-card">
      <header className="card-header">
        <h3 id={`${id}-title`}>{file.name}</h3>
        <span className="badge">{KIND_LABEL[file.kind]}</span>
        <span className="size">{formatBytes(file.size)}</span>
        <button type="button" className="link-button" disabled={busy} onClick={() => dispatch({ type: 'removed', id: card.id })} aria-label={`Remove ${file.name}`}>
          Remove
        </button>
      </header>
      {file.blocker ? (
        <div className="blocker" role="alert">
          <p><strong>This file cannot be uploaded.</strong></p>
          <ErrorText error={file.blocker} />
        </div>
      ) : (
        <>
          <NameField
            original={file.name}
            originalCheck={file.nameCheck}
            value={sendName}
            onChange={setSendName}
            placeholder={isDatasetKind(file.kind) && datasetId.trim() ? defaultDatasetFileName(datasetId.trim(), recordType) : undefined}
            disabled={busy}
          />
          {file.kind === 'csv' && (
            <CsvPanel
              file={file}
              mode={csvMode}
              onModeChange={(mode, name) => {
                setCsvMode(mode);
                setSendName(name(sendName));
              }}
              recordType={recordType}
              onRecordTypeChange={setRecordType}
              datasetId={datasetId}
              onDatasetIdChange={setDatasetId}
              conversion={conversion}
              onConversion={setConversion}
              disabled={busy}
            />
          )}
          {isDatasetKind(file.kind) && (
            <NdjsonPanel
              file={file}
              recordType={recordType}
              onRecordTypeChange={setRecordType}
              datasetId={datasetId}
              onDatasetIdChange={setDatasetId}
              validateFirst={validateFirst}
              onValidateFirstChange={setValidateFirst}
              onCleaned={setConversion}
              disabled={busy}
            />
          )}
          {(file.kind === 'json' || file.kind === 'other') && (
            <p className="hint">Lexer loads only NDJSON automatically; this file is sent as it is for Lexer staff to load.</p>
          )}
        </>
      )}
      <div className="card-actions">
        <button type="button" className="primary" disabled={!plan.ready || busy || sent} onClick={() => void handleStart()} aria-describedby={`${id}-why`}>
          Upload
        </button>
        {!plan.ready && !file.blocker && !sent && (
          <span id={`${id}-why`} className="hint">{plan.reason}</span>
        )}
        {sent && (
          <span id={`${id}-why`} className="hint">Sent. To send it again, add the file again.</span>
        )}
      </div>
      {card.upload && (
        <UploadProgress state={card.upload} onCancel={handleCancel} onRetry={plan.ready ? () => void handleStart() : null} />
      )}
    </section>
  );
}
