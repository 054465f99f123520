/**
 * Past uploads, newest first, from the history file main keeps (read again on Refresh, so uploads
 * `lexer-upload` made appear, and whenever an upload of the app or a watched folder ends while
 * the screen is open, so one cancelled meanwhile never stays "In Progress"). Each upload is a
 * small card rather than a wide table row, so its upload ID, Copy and Retry are in view at any
 * window width. Sandbox uploads are tagged; a file that has gone from where it was can be located again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileInfo } from '../../../main/contract/files.js';
import type { HistoryEntry } from '../../../main/contract/history.js';
import type { ErrorInfo } from '../../../main/contract/result.js';
import { useApi } from '../../api-context.js';
import { formatBytes } from '../../format/format-bytes.js';
import { formatTime } from '../../format/format-duration.js';
import { recordsSent } from '../../state/record-nouns.js';
import { useAnnounce } from '../shared/live-region.js';
import { ErrorText } from '../shared/error-text.js';

/** Where the vendor says to follow a file's processing (FILE_UPLOAD_API.md, "After the upload"). */
const HUB_URL = 'https://hub.lexer.io';
/** How long "Copied" shows on the button before it reads "Copy" again. */
const COPIED_MS = 2500;
/** Upload states after which History has changed for good. */
const ENDED: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);
/** Several ends at once (a batch, a folder) are read once. */
const ENDED_READ_MS = 200;

interface Props {
  /** Cards still open on the Upload screen: Retry restarts such a card instead of adding one. */
  readonly openCards: ReadonlySet<string>;
  readonly onRetryCard: (cardId: string) => void;
  /** Adds a card for the entry's file (or the one the person located) and starts it. */
  readonly onRetryNew: (entry: HistoryEntry, file: FileInfo) => void;
}

/** The History screen. */
export function HistoryScreen({ openCards, onRetryCard, onRetryNew }: Props) {
  const api = useApi();
  const announce = useAnnounce();
  const [entries, setEntries] = useState<readonly HistoryEntry[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [locating, setLocating] = useState<HistoryEntry | null>(null);
  const chooser = useRef<HTMLInputElement>(null);

  const load = useCallback(async (say = false) => {
    const r = await api.history.list();
    if (!r.ok) return setError(r.error);
    setError(null);
    setEntries(r.value);
    if (say) announce(`History read again: ${r.value.length} upload${r.value.length === 1 ? '' : 's'}.`);
  }, [api, announce]);
  useEffect(() => void load(), [load]);
  // An upload that ends while History is open (cancelled, failed, sent; a card's or a folder's)
  // changes its entry: read it again rather than keep showing "In Progress".
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), ENDED_READ_MS);
    };
    const offUploads = api.uploads.onState((e) => {
      if (ENDED.has(e.state.kind)) soon();
    });
    const offFeeds = api.feeds.onChange(soon);
    return () => {
      if (timer) clearTimeout(timer);
      offUploads();
      offFeeds();
    };
  }, [api, load]);

  // Every upload, older archives included, with the columns of `lexer-upload history --csv`.
  const exportCsv = async () => {
    const r = await api.history.exportCsv();
    if (!r.ok) return setError(r.error);
    // A Blob link downloads in both the browser host and Electron without any file-system access.
    const url = URL.createObjectURL(new Blob([r.value], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `lexer-upload-history-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce('History exported as CSV.');
  };

  const copy = (entry: HistoryEntry, uploadId: string) => {
    void navigator.clipboard.writeText(uploadId).then(
      () => {
        setCopied(entry.id);
        announce(`Upload ID ${uploadId} copied.`);
        setTimeout(() => setCopied((c) => (c === entry.id ? null : c)), COPIED_MS);
      },
      () => announce('Could not copy; select the ID and copy it by hand.'),
    );
  };

  const retry = async (entry: HistoryEntry) => {
    if (entry.requestId && openCards.has(entry.requestId)) return onRetryCard(entry.requestId);
    const r = await api.files.inspect(entry.filePath);
    // A path that is gone (or, from an old history, not absolute) is located again by the person.
    if (r.ok && r.value.blocker?.code !== 'file-unreadable') return onRetryNew(entry, r.value);
    setMissing((m) => new Set(m).add(entry.id));
    announce(`The file is no longer at ${entry.filePath}; locate it to send it again.`);
  };

  const handleLocated = async (file: File | undefined) => {
    const entry = locating;
    setLocating(null);
    if (!file || !entry) return;
    const r = await api.files.add(file);
    if (!r.ok) return setError(r.error);
    onRetryNew(entry, r.value);
  };

  return (
    <section aria-labelledby="history-heading" className="screen">
      <h2 id="history-heading">Upload history</h2>
      <p>
        Lexer processes each file after it arrives. Follow that in the Hub under Logs, or in the dataset&apos;s Jobs tab:{' '}
        <a
          href={HUB_URL}
          onClick={(e) => {
            e.preventDefault();
            void api.shell.openExternal(HUB_URL);
          }}
        >
          Open the Lexer Hub (Logs)
        </a>
      </p>
      <div className="buttons">
        <button type="button" onClick={() => void load(true)}>Refresh</button>
        <button type="button" onClick={() => void exportCsv()}>Export…</button>
      </div>
      <input
        ref={chooser}
        type="file"
        hidden
        data-testid="locate-input"
        aria-label="Locate the file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          void handleLocated(file);
        }}
      />
      {error && <ErrorText error={error} />}
      {entries && entries.length === 0 && <p>No uploads yet.</p>}
      {entries && entries.length > 0 && (
        <ul className="history-list" aria-label="Uploads">
          {entries.map((e) => (
            <li key={e.id} className="history-entry" aria-labelledby={`entry-${e.id}`} data-testid="history-entry">
              <div className="entry-head">
                <span className={`status status-${e.status.replace(' ', '-').toLowerCase()}`}>{e.status}</span>
                {e.interrupted && <span className="badge warning-badge">Interrupted</span>}
                {e.sandbox && <span className="badge sandbox-badge" title="Sent to a sandbox on this computer, not to Lexer">Sandbox</span>}
                <h3 id={`entry-${e.id}`} className="entry-name">{e.sourceName}</h3>
                <span className="entry-time">{formatTime(e.finishedAt ?? e.createdAt)}</span>
              </div>
              <p className="entry-meta">
                Sent as <code>{e.filename}</code> · {e.datasetId ? <>dataset <code>{e.datasetId}</code>, {e.recordType}</> : 'for Lexer staff'} · {formatBytes(e.bytes)}
                {e.compressed && e.sourceBytes !== null && <> gzipped from {formatBytes(e.sourceBytes)}</>}
                {e.parts && <> in {e.parts.length} parts</>}
                {e.recordsSent !== null && <> · <span data-testid="history-records">{recordsSent({ ...e, sent: e.recordsSent, leftOut: e.recordsLeftOut })}</span></>}
                {e.feed && <> · from the watched folder <code data-testid="history-feed">{e.feed}</code></>}
              </p>
              {e.error && <p className="entry-error">{e.error.message}</p>}
              {e.parts && (
                <ul className="entry-parts" aria-label={`Parts of ${e.sourceName}`}>
                  {e.parts.map((p) => (
                    <li key={p.index} data-testid="history-part">
                      Part {p.index} of {e.parts?.length}: <code>{p.filename}</code> · {formatBytes(p.bytes)} · {p.status}
                      {p.uploadId && <> · Upload ID <code>{p.uploadId}</code></>}
                    </li>
                  ))}
                </ul>
              )}
              <div className="entry-actions">
                {e.uploadId && (
                  <span className="upload-id">
                    Upload ID <code>{e.uploadId}</code>{' '}
                    <button type="button" className="small" aria-label={`Copy upload ID ${e.uploadId}`} onClick={() => copy(e, e.uploadId ?? '')}>
                      {copied === e.id ? 'Copied' : 'Copy'}
                    </button>
                  </span>
                )}
                {e.status !== 'Success' && e.status !== 'In Progress' && e.status !== 'Pending' && (
                  e.requestId && openCards.has(e.requestId)
                    ? <button type="button" className="small" aria-label={`Retry ${e.filename}`} onClick={() => void retry(e)}>Retry</button>
                    : <button type="button" className="small" aria-label={`Retry ${e.filename} on a new card`} onClick={() => void retry(e)}>Retry on a new card</button>
                )}
              </div>
              {missing.has(e.id) && (
                <div className="notice" role="alert">
                  <p>The file is no longer at <code>{e.filePath}</code>; locate it to send it again.</p>
                  <button
                    type="button"
                    onClick={() => {
                      setLocating(e);
                      chooser.current?.click();
                    }}
                  >
                    Locate {e.sourceName}…
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
