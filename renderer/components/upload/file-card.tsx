/**
 * One file: what it is (the person's own file name, with the name it is sent under beside it),
 * the choices its kind needs (CSV preview and conversion, JSON conversion, NDJSON destination and
 * validation), its progress and the Upload button. Upload stays off until the card can really be
 * sent, and a conversion that left rows out is confirmed before sending.
 */
import { useEffect, useId, useRef, useState, type Dispatch } from 'react';
import type { FileKind } from '../../../main/contract/files.js';
import type { ConversionReport, RecordTypeName } from '../../../main/contract/jobs.js';
import { useApi } from '../../api-context.js';
import { isFinal, isLocked, type Card, type CardsAction } from '../../state/cards-reducer.js';
import { defaultDatasetFileName, isDatasetDefaultName, withGzipExtension, withNdjsonExtension } from '../../state/send-names.js';
import { isConvertibleKind, isDatasetKind, planUpload, type CsvMode } from '../../state/upload-plan.js';
import { formatBytes } from '../../format/format-bytes.js';
import { useRegisterCard } from './card-registry.js';
import { useConnection } from '../shared/connection-status.js';
import { useCardStart } from './use-card-start.js';
import { NameField } from './name-field.js';
import { CsvPanel } from './convert/csv-panel.js';
import { JsonPanel } from './convert/json-panel.js';
import { NdjsonPanel } from './convert/ndjson-panel.js';
import { UploadProgress } from './upload-progress.js';
import { ErrorText } from '../shared/error-text.js';

const KIND_LABEL: Record<FileKind, string> = { csv: 'CSV', ndjson: 'NDJSON', json: 'JSON', gzip: 'gzip', other: 'Other' };

interface Props {
  readonly card: Card;
  readonly dispatch: Dispatch<CardsAction>;
  /** Removes the card and lets main delete the copies made for it (`extra`: its conversion output). */
  readonly onRemove: (card: Card, extra: readonly string[]) => void;
  /** Lets main delete copies the card no longer needs. */
  readonly onRelease: (card: Card, paths: readonly string[]) => void;
  /** Shows the "Select" box for the bulk actions. */
  readonly selectable: boolean;
}

/** A file card. */
export function FileCard({ card, dispatch, onRemove, onRelease, selectable }: Props) {
  const api = useApi();
  const id = useId();
  const connection = useConnection();
  const { file, recordType, datasetId } = card;
  const [sendName, setSendName] = useState(card.defaults.filename ?? file.nameCheck.fixed);
  const [nameCheck, setNameCheck] = useState<{ name: string; valid: boolean } | null>(null);
  const [csvMode, setCsvMode] = useState<CsvMode>('as-is');
  const [conversion, setConversion] = useState<ConversionReport | null>(null);
  const [validateFirst, setValidateFirst] = useState(true);
  const [compress, setCompress] = useState(card.defaults.compress ?? { ndjson: true, asIs: false });
  const section = useRef<HTMLElement>(null);

  const busy = card.upload !== null && !isFinal(card.upload);
  // Sending the same file twice would load its records twice; a new card is a deliberate choice.
  const sent = card.upload?.kind === 'succeeded';
  const locked = isLocked(card);
  const converting = isConvertibleKind(file.kind) && csvMode === 'convert';
  const sendsNdjson = isDatasetKind(file.kind) || converting;
  // Gzip on the way: NDJSON by default (Settings remembers the choice), CSV and JSON only when
  // ticked; a gzip file is sent as it is.
  const alreadyGzip = file.kind === 'gzip';
  const gzip = !alreadyGzip && (sendsNdjson ? compress.ndjson : compress.asIs);
  const plan = planUpload({ file, sendName, nameCheck, recordType, datasetId, csvMode, conversion, validateFirst, connectionReady: connection.ready, gzip, hashEmails: connection.hashEmails });
  const title = card.defaults.sourceName ?? file.name;
  const placeholder = isDatasetKind(file.kind) && datasetId.trim() ? defaultDatasetFileName(datasetId.trim(), recordType) : undefined;
  const named = sendName.trim() || placeholder || '';
  const sendAs = gzip ? withGzipExtension(named) : named;
  // The fixed original name in the format chosen, as the notice offers it: a conversion goes as
  // .ndjson, a compressed file gets .gz (the notice said .csv after Convert while .ndjson.gz was sent).
  const fixedInFormat = converting ? withNdjsonExtension(file.nameCheck.fixed) : file.nameCheck.fixed;
  const fixedAsSent = gzip ? withGzipExtension(fixedInFormat) : fixedInFormat;
  const vendorDefault = sendsNdjson && datasetId.trim() !== '' && isDatasetDefaultName(sendName.trim(), recordType);
  const changeCompress = (on: boolean) => {
    setCompress((c) => (sendsNdjson ? { ...c, ndjson: on } : { ...c, asIs: on }));
    // Remembered for NDJSON: the next file starts from this choice.
    if (sendsNdjson) void api.settings.update({ gzip: on });
  };

  const setRecordType = (value: RecordTypeName) => dispatch({ type: 'destination', ids: [card.id], recordType: value });
  const setDatasetId = (value: string) => dispatch({ type: 'destination', ids: [card.id], datasetId: value });
  // A conversion made for another record type no longer fits; its file is deleted when replaced.
  const replaceConversion = (next: ConversionReport | null) => {
    if (conversion && conversion.output !== next?.output) onRelease(card, [conversion.output]);
    setConversion(next);
  };
  const lastType = useRef(recordType);
  useEffect(() => {
    if (lastType.current === recordType) return;
    lastType.current = recordType;
    replaceConversion(null); // only a change of record type drops the conversion
  }, [recordType]);

  const { start, dialog, focusResult, resultFocused } = useCardStart(card, plan, locked, recordType, dispatch);
  const focusCard = () => {
    const el = section.current;
    if (!el) return;
    // After the tab switch has shown the panel, or focus() on a hidden element does nothing.
    requestAnimationFrame(() => {
      el.scrollIntoView({ block: 'start' });
      el.focus();
    });
  };
  useRegisterCard(card.id, { start, focus: focusCard });

  // History's Retry: start once everything the plan needs is known (name checked, token looked up).
  const autoStart = useRef(card.defaults.autoStart === true);
  const known = connection.ready !== null && (!sendName.trim() || vendorDefault || nameCheck?.name === sendName.trim());
  useEffect(() => {
    if (!autoStart.current || !known) return;
    autoStart.current = false;
    focusCard();
    if (plan.ready) void start({ focusResult: false });
  }, [known]); // once, when the plan's inputs are known

  // A sent file's copies are no longer needed (the card cannot send it again).
  useEffect(() => {
    if (sent) onRelease(card, [file.path, ...(conversion ? [conversion.output] : [])]);
  }, [sent]); // once, when the upload succeeded

  // What the CSV and JSON panels share: the send mode, destination and conversion.
  const convertible = {
    file, mode: csvMode, recordType, datasetId, conversion, disabled: locked,
    onModeChange: (mode: CsvMode, rename: (name: string) => string) => {
      setCsvMode(mode);
      setSendName(rename(sendName));
    },
    onRecordTypeChange: setRecordType, onDatasetIdChange: setDatasetId, onConversion: replaceConversion,
  };

  return (
    <section ref={section} tabIndex={-1} className="card" aria-labelledby={`${id}-title`} data-testid="file-card">
      <header className="card-header">
        {selectable && !locked && !file.blocker && (
          <input
            type="checkbox"
            className="select-card"
            checked={card.selected}
            aria-label={`Select ${title}`}
            onChange={(e) => dispatch({ type: 'selected', ids: [card.id], selected: e.target.checked })}
          />
        )}
        <h3 id={`${id}-title`}>{title}</h3>
        <span className="badge">{KIND_LABEL[file.kind]}</span>
        <span className="size">{formatBytes(file.size)}</span>
        {sendAs && sendAs !== title && !file.blocker && (
          <span className="sent-as">sent as <code>{sendAs}</code></span>
        )}
        <button
          type="button"
          className="link-button"
          disabled={busy}
          onClick={() => onRemove(card, conversion ? [conversion.output] : [])}
          aria-label={`Remove ${title}`}
        >
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
            fixedAsSent={fixedAsSent}
            value={sendName}
            onChange={setSendName}
            onCheck={setNameCheck}
            vendorDefault={vendorDefault}
            placeholder={placeholder}
            disabled={locked}
          />
          {file.kind === 'csv' && <CsvPanel {...convertible} />}
          {file.kind === 'json' && <JsonPanel {...convertible} />}
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
              disabled={locked}
            />
          )}
        </>
      )}
      <div className="card-actions">
        {!file.blocker && (
          <span className="checkbox">
            <input
              id={`${id}-gzip`}
              type="checkbox"
              checked={alreadyGzip || gzip}
              disabled={locked || alreadyGzip}
              onChange={(e) => changeCompress(e.target.checked)}
              aria-describedby={`${id}-gzip-hint`}
            />
            <label htmlFor={`${id}-gzip`}>Compress (gzip)</label>
            <span id={`${id}-gzip-hint`} className="hint">
              {alreadyGzip ? 'The file is gzip already.' : gzip ? 'Smaller and faster to send; the name gets .gz.' : 'Sent as it is.'}
            </span>
          </span>
        )}
        <button type="button" className="primary" disabled={!plan.ready || locked} onClick={() => void start({ focusResult: true })} aria-describedby={`${id}-why`}>
          Upload
        </button>
        {!plan.ready && !file.blocker && !sent && (
          <span id={`${id}-why`} className={plan.badName ? 'warning' : 'hint'}>{plan.reason}</span>
        )}
        {sent && (
          <span id={`${id}-why`} className="hint">Sent. To send it again, add the file again.</span>
        )}
      </div>
      {card.upload && (
        <UploadProgress
          state={card.upload}
          last={card.lastProgress}
          conversion={conversion}
          focusResult={focusResult}
          onResultFocused={resultFocused}
          onCancel={() => void api.uploads.cancel(card.id)}
          onRetry={plan.ready ? () => void start({ focusResult: true }) : null}
        />
      )}
      {dialog}
    </section>
  );
}
