/**
 * Adding a watched folder, or changing one's settings: the folder (typed, or chosen where the
 * host has a chooser; fixed once added), where its files go, and the options a dropped file has:
 * convert CSVs with a saved mapping (one record per order for line-item exports), how their
 * dates are written, leave out invalid optional fields, e-mail addresses only hashed, check every
 * record, gzip, how long a file must stay unchanged, and what becomes of it.
 * Deleting files after sending is asked about first; in the browser host a new folder, or a
 * change of where its files or alerts go, is confirmed with the code the host shows in its
 * terminal (the page alone cannot make one).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { FeedAfter, FeedsOverview, FeedSettings } from '../../../main/contract/feeds.js';
import type { DateOrder, MappingPreset, RecordTypeName, TextEncoding } from '../../../main/contract/jobs.js';
import type { ErrorInfo } from '../../../main/contract/result.js';
import { useApi } from '../../api-context.js';
import { useConfirm } from '../shared/confirm-dialog.js';
import { DestinationFields } from '../shared/destination-fields.js';
import { ErrorText } from '../shared/error-text.js';
import { FeedAlertFields, useAlertFields } from './feed-alert-fields.js';
import { FeedConvertFields, columnOrdersOf, type ColumnOrder } from './feed-convert-fields.js';

interface Props {
  readonly canChooseFolder: boolean;
  /** Set when changing a folder's settings (its path stays); unset to add a folder. */
  readonly editing?: { readonly id: string; readonly settings: FeedSettings };
  readonly onAdded: (overview: FeedsOverview) => void;
  /** Closes the form without saving (editing only). */
  readonly onCancel?: () => void;
}

const AFTER_LABELS: Record<FeedAfter, string> = { sent: 'Move it to the sent folder inside', leave: 'Leave it where it is', delete: 'Delete it' };

/** The "Add a watched folder" form. */
export function FeedForm({ canChooseFolder, editing, onAdded, onCancel }: Props) {
  const api = useApi();
  const id = useId();
  const was = editing?.settings;
  const [path, setPath] = useState(was?.path ?? '');
  const [toDataset, setToDataset] = useState(Boolean(was?.destination));
  const [datasetId, setDatasetId] = useState(was?.destination?.datasetId ?? '');
  const [recordType, setRecordType] = useState<RecordTypeName>(was?.destination?.recordType ?? 'customer_record');
  const [patterns, setPatterns] = useState(was?.patterns ?? '*.csv *.ndjson *.json *.gz');
  const [convert, setConvert] = useState(was ? was.convert : true);
  const [presetName, setPresetName] = useState(was?.presetName ?? '');
  const [dateOrder, setDateOrder] = useState<DateOrder | null>(was?.dateOrder ?? null);
  const [columnOrders, setColumnOrders] = useState<readonly ColumnOrder[]>(Object.entries(was?.dateOrders ?? {}).map(([header, order]) => ({ header, order })));
  const [leaveOut, setLeaveOut] = useState(was?.leaveOutInvalidFields ?? false);
  const [encoding, setEncoding] = useState<TextEncoding | null>(was?.encoding ?? null);
  const [validate, setValidate] = useState(was ? was.validate : true);
  const [gzip, setGzip] = useState(was ? was.gzip : true);
  const [quietSeconds, setQuietSeconds] = useState(String(was?.quietSeconds ?? 10));
  const [after, setAfter] = useState<FeedAfter>(was?.after ?? 'sent');
  const [polling, setPolling] = useState(was?.polling ?? false);
  const [groupBy, setGroupBy] = useState(was?.groupBy ?? '');
  const [hashEmails, setHashEmails] = useState(was?.hashEmails ?? false);
  const alertFields = useAlertFields(was?.alerts);
  const [presets, setPresets] = useState<readonly MappingPreset[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  /** The host asked for the code it shows in its terminal; what the person typed. */
  const [confirming, setConfirming] = useState(false);
  const [code, setCode] = useState('');
  const [dialog, ask] = useConfirm();

  useEffect(() => {
    void api.presets.list().then((r) => r.ok && setPresets(r.value));
  }, [api]);
  const presetsForType = presets.filter((p) => p.recordType === recordType);
  // Purchases and returns hold an order's lines: their rows can be grouped by the order's column.
  const hasLines = recordType === 'purchase' || recordType === 'return';

  const handleChoose = () => {
    void api.feeds.chooseFolder().then((r) => {
      if (r.ok && r.value) setPath(r.value);
    });
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const converts = toDataset && convert;
    const settings: FeedSettings = {
      path: path.trim(), patterns: patterns.trim(), destination: toDataset ? { datasetId: datasetId.trim(), recordType } : null,
      convert: converts, presetName: converts && presetName ? presetName : null, validate: toDataset && validate,
      dateOrder: converts ? dateOrder : null, dateOrders: converts ? columnOrdersOf(columnOrders) : {}, leaveOutInvalidFields: converts && leaveOut, encoding: converts ? encoding : null,
      gzip, quietSeconds: Number(quietSeconds), after, polling, alerts: alertFields.value(),
      groupBy: toDataset && convert && hasLines ? groupBy.trim() || null : null, hashEmails: toDataset && hashEmails,
    };
    void (async () => {
      const deleteAsked = after === 'delete' && !confirming && editing?.settings.after !== 'delete';
      if (deleteAsked && !(await askDelete(settings.path))) return;
      setBusy(true);
      const typed = confirming && code.trim() ? code.trim() : null;
      const r = await (editing ? api.feeds.update(editing.id, settings, typed) : api.feeds.add(settings, typed));
      setBusy(false);
      if (!r.ok) {
        if (r.error.code === 'confirmation-needed') setConfirming(true);
        return setError(r.error);
      }
      if (!editing) setPath('');
      setConfirming(false);
      setCode('');
      alertFields.reset();
      onAdded(r.value);
    })();
  };
  const askDelete = (folder: string) => ask({
    title: 'Delete each file after it is sent?',
    message: (
      <p>
        Every file that appears in {folder || 'the folder'} will be deleted from this computer as soon as Lexer has it. Choose this only if the folder
        holds copies you do not need to keep.
      </p>
    ),
    confirmLabel: 'Delete after sending',
    cancelLabel: 'Keep the files',
  });

  return (
    <form className="panel" aria-labelledby={`${id}-h`} onSubmit={handleSubmit}>
      <h3 id={`${id}-h`}>{editing ? `Settings of ${editing.settings.path}` : 'Add a watched folder'}</h3>
      <p className="hint">
        {editing
          ? 'New files are sent with these settings once saved. To send a file from the failed folder with them, move it back into the folder.'
          : 'Each new file in the folder is sent as a dropped file would be, once it has stopped changing. Files that need you go to a failed folder inside it, with a note saying why.'}
      </p>
      {!editing && (
        <>
          <label htmlFor={`${id}-path`}>Folder to watch</label>
          <div className="checkbox">
            <input id={`${id}-path`} type="text" spellCheck={false} value={path} onChange={(e) => setPath(e.target.value)} placeholder="/full/path/to/exports" aria-describedby={`${id}-path-hint`} />
            {canChooseFolder && <button type="button" onClick={handleChoose}>Choose…</button>}
          </div>
          <p id={`${id}-path-hint`} className="hint">The full path of an existing folder on this computer (or a mounted network drive).</p>
        </>
      )}
      <fieldset>
        <legend>Send its files to</legend>
        <div className="checkbox">
          <input id={`${id}-staff`} type="radio" name={`${id}-dest`} checked={!toDataset} onChange={() => setToDataset(false)} />
          <label htmlFor={`${id}-staff`}>Lexer staff (they load the files)</label>
        </div>
        <div className="checkbox">
          <input id={`${id}-ds`} type="radio" name={`${id}-dest`} checked={toDataset} onChange={() => setToDataset(true)} />
          <label htmlFor={`${id}-ds`}>A dataset (loaded automatically)</label>
        </div>
      </fieldset>
      {toDataset && (
        <>
          <DestinationFields recordType={recordType} onRecordTypeChange={setRecordType} datasetId={datasetId} onDatasetIdChange={setDatasetId} disabled={false} />
          <div className="checkbox">
            <input id={`${id}-convert`} type="checkbox" checked={convert} onChange={(e) => setConvert(e.target.checked)} />
            <label htmlFor={`${id}-convert`}>Convert CSV files to NDJSON</label>
          </div>
          {convert && (
            <>
              <label htmlFor={`${id}-preset`}>Column mapping</label>
              <select id={`${id}-preset`} value={presetName} onChange={(e) => setPresetName(e.target.value)}>
                <option value="">Suggested from each file&apos;s headers</option>
                {presetsForType.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
              </select>
              {hasLines && (
                <>
                  <label htmlFor={`${id}-group`}>One record per (column)</label>
                  <input id={`${id}-group`} type="text" spellCheck={false} value={groupBy} onChange={(e) => setGroupBy(e.target.value)} placeholder="e.g. Receipt No" aria-describedby={`${id}-group-hint`} />
                  <p id={`${id}-group-hint`} className="hint">For an export with one row per order line: the column holding the order number. Empty: one record per row.</p>
                </>
              )}
              <FeedConvertFields
                dateOrder={dateOrder}
                onDateOrderChange={setDateOrder}
                columns={columnOrders}
                onColumnsChange={setColumnOrders}
                leaveOut={leaveOut}
                onLeaveOutChange={setLeaveOut}
                encoding={encoding}
                onEncodingChange={setEncoding}
              />
            </>
          )}
          <div className="checkbox">
            <input id={`${id}-hash`} type="checkbox" checked={hashEmails} onChange={(e) => setHashEmails(e.target.checked)} />
            <label htmlFor={`${id}-hash`}>Send e-mail addresses only hashed (SHA-256)</label>
          </div>
          <div className="checkbox">
            <input id={`${id}-validate`} type="checkbox" checked={validate} onChange={(e) => setValidate(e.target.checked)} />
            <label htmlFor={`${id}-validate`}>Check every record first (send only files whose records are all valid)</label>
          </div>
        </>
      )}
      <div className="checkbox">
        <input id={`${id}-gzip`} type="checkbox" checked={gzip} onChange={(e) => setGzip(e.target.checked)} />
        <label htmlFor={`${id}-gzip`}>Compress NDJSON before sending (gzip)</label>
      </div>
      <label htmlFor={`${id}-patterns`}>File names to take</label>
      <input id={`${id}-patterns`} type="text" spellCheck={false} value={patterns} onChange={(e) => setPatterns(e.target.value)} aria-describedby={`${id}-patterns-hint`} />
      <p id={`${id}-patterns-hint`} className="hint">Patterns separated by spaces. Temporary and hidden files (.part, .tmp, ~$…) are never taken.</p>
      <label htmlFor={`${id}-quiet`}>Seconds a file must stay unchanged before it is sent</label>
      <input id={`${id}-quiet`} type="number" min={0} step="any" value={quietSeconds} onChange={(e) => setQuietSeconds(e.target.value)} />
      <label htmlFor={`${id}-after`}>After a file is sent</label>
      <select id={`${id}-after`} value={after} onChange={(e) => setAfter(e.target.value as FeedAfter)}>
        {(Object.keys(AFTER_LABELS) as FeedAfter[]).map((a) => <option key={a} value={a}>{AFTER_LABELS[a]}</option>)}
      </select>
      <div className="checkbox">
        <input id={`${id}-poll`} type="checkbox" checked={polling} onChange={(e) => setPolling(e.target.checked)} aria-describedby={`${id}-poll-hint`} />
        <label htmlFor={`${id}-poll`}>Check the folder every few seconds (network drives)</label>
      </div>
      <p id={`${id}-poll-hint`} className="hint">Network drives often do not report new files; checking regularly finds them.</p>
      <FeedAlertFields f={alertFields.state} />
      {confirming && (
        <>
          <label htmlFor={`${id}-code`}>Confirmation code from the terminal</label>
          <input id={`${id}-code`} type="text" autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} aria-describedby={`${id}-code-hint`} />
          <p id={`${id}-code-hint`} className="hint">The terminal where Lexer Uploader runs shows the folder asked for and a code; type the code here to allow it.</p>
        </>
      )}
      <div className="buttons">
        <button type="submit" disabled={busy}>{confirming ? (editing ? 'Confirm and save' : 'Confirm and add folder') : editing ? 'Save settings' : 'Add folder'}</button>
        {editing && <button type="button" onClick={onCancel}>Cancel</button>}
      </div>
      <div aria-live="polite" className="note">{error && <ErrorText error={error} />}</div>
      {dialog}
    </form>
  );
}
