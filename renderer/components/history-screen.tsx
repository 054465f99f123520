/**
 * Past uploads, newest first, from the history file main keeps. Uploads that were cut off when
 * the app stopped are marked, and anything that did not succeed can be tried again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ErrorInfo, HistoryEntry } from '../../preload/contract.js';
import { useApi } from '../api-context.js';
import { formatBytes } from '../format/format-bytes.js';
import { formatTime } from '../format/format-duration.js';
import { useAnnounce } from './live-region.js';
import { ErrorText } from './error-text.js';

/** Where the vendor says to follow a file's processing (FILE_UPLOAD_API.md, "After the upload"). */
const HUB_URL = 'https://hub.lexer.io';

/** The History screen. `onRetry` puts the entry's file back on the Upload screen. */
export function HistoryScreen({ onRetry }: { onRetry: (entry: HistoryEntry) => void }) {
  const api = useApi();
  const announce = useAnnounce();
  const [entries, setEntries] = useState<readonly HistoryEntry[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const load = useCallback(async () => {
    const r = await api.history.list();
    if (r.ok) setEntries(r.value);
    else setError(r.error);
  }, [api]);
  useEffect(() => void load(), [load]);

  const copy = (uploadId: string) => {
    void navigator.clipboard.writeText(uploadId).then(
      () => announce(`Upload ID ${uploadId} copied.`),
      () => announce('Could not copy; select the ID and copy it by hand.'),
    );
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
        <button type="button" onClick={() => void load()}>Refresh</button>
      </div>
      {error && <ErrorText error={error} />}
      {entries && entries.length === 0 && <p>No uploads yet.</p>}
      {entries && entries.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Upload history table">
          <table className="history">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Time</th>
                <th scope="col">File</th>
                <th scope="col">Name sent</th>
                <th scope="col">Dataset</th>
                <th scope="col">Record type</th>
                <th scope="col">Size</th>
                <th scope="col">Upload ID</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">
                    <span className={`status status-${e.status.replace(' ', '-').toLowerCase()}`}>{e.status}</span>
                    {e.interrupted && <span className="badge warning-badge">Interrupted</span>}
                    {e.error && <span className="cell-note">{e.error.message}</span>}
                  </td>
                  <td className="nowrap">{formatTime(e.finishedAt ?? e.createdAt)}</td>
                  <td title={e.filePath}>{baseName(e.filePath)}</td>
                  <td>{e.filename}</td>
                  <td className="nowrap">{e.datasetId ?? '—'}</td>
                  <td className="nowrap">{e.recordType ?? '—'}</td>
                  <td className="nowrap">{formatBytes(e.bytes)}</td>
                  <td className="nowrap">
                    {e.uploadId ? (
                      <>
                        <code>{e.uploadId}</code>{' '}
                        <button type="button" className="small" aria-label={`Copy upload ID ${e.uploadId}`} onClick={() => copy(e.uploadId ?? '')}>Copy</button>
                      </>
                    ) : '—'}
                  </td>
                  <td>
                    {e.status !== 'Success' && e.status !== 'In Progress' && e.status !== 'Pending' && (
                      <button type="button" className="small" aria-label={`Retry ${e.filename}`} onClick={() => onRetry(e)}>Retry</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
