/**
 * The Upload screen: the window-wide drop zone, a Browse… button, one card per file, the
 * overall progress, and the single subscription to upload state events for all cards.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { HistoryEntry } from '../../preload/contract.js';
import { useApi } from '../api-context.js';
import { cardsReducer, type CardDefaults } from '../state/cards-reducer.js';
import { MAX_UPLOAD_BYTES, refusedFile, tooLargeError } from '../state/refused-file.js';
import { useAnnounce } from './live-region.js';
import { useWindowDrop } from './use-window-drop.js';
import { useUploadAnnouncements } from './use-upload-announcements.js';
import { FileCard } from './file-card.js';
import { OverallProgress } from './overall-progress.js';
import { SandboxBanner } from './sandbox-banner.js';

interface Props {
  /** Called when files are dropped while another screen shows, to bring Upload to the front. */
  readonly onFilesDropped: () => void;
  /** History entries the user asked to retry; taken once, then `onRetryTaken` empties the queue. */
  readonly retryQueue: readonly HistoryEntry[];
  readonly onRetryTaken: () => void;
  /** Whether the Upload tab is showing (to refresh what depends on Settings). */
  readonly visible: boolean;
}

/** The Upload screen. */
export function UploadScreen({ onFilesDropped, retryQueue, onRetryTaken, visible }: Props) {
  const api = useApi();
  const announce = useAnnounce();
  const [cards, dispatch] = useReducer(cardsReducer, []);
  const [adding, setAdding] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useUploadAnnouncements(cards);

  useEffect(() => api.uploads.onState((e) => dispatch({ type: 'upload-state', id: e.id, state: e.state })), [api]);

  const defaultDataset = useCallback(async () => {
    const s = await api.settings.get();
    return s.ok ? s.value.defaultDatasetId : '';
  }, [api]);

  const addFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setAdding((n) => n + files.length);
      const datasetId = await defaultDataset();
      let refused = 0;
      for (const file of files) {
        const r = file.size > MAX_UPLOAD_BYTES ? null : await api.files.add(file);
        const info = r === null ? refusedFile('', file.name, file.size, tooLargeError(file.name, file.size)) : r.ok ? r.value : refusedFile('', file.name, file.size, r.error);
        if (info.blocker) refused += 1;
        dispatch({ type: 'added', id: crypto.randomUUID(), file: info, defaults: { filename: null, datasetId, recordType: null } });
        setAdding((n) => n - 1);
      }
      const count = files.length;
      announce(`${count} file${count === 1 ? '' : 's'} added${refused > 0 ? `; ${refused} cannot be uploaded` : ''}.`);
    },
    [api, announce, defaultDataset],
  );

  const dragging = useWindowDrop((files) => {
    onFilesDropped();
    void addFiles(files);
  });

  useEffect(() => {
    if (retryQueue.length === 0) return;
    const entries = retryQueue;
    onRetryTaken();
    void (async () => {
      for (const entry of entries) {
        const r = await api.files.inspect(entry.filePath);
        const defaults: CardDefaults = { filename: entry.filename, datasetId: entry.datasetId, recordType: entry.recordType };
        const info = r.ok ? r.value : refusedFile(entry.filePath, entry.filePath.split(/[\\/]/).pop() ?? entry.filename, entry.bytes, r.error);
        dispatch({ type: 'added', id: crypto.randomUUID(), file: info, defaults });
      }
    })();
  }, [api, retryQueue, onRetryTaken]);

  return (
    <section aria-labelledby="upload-heading" className="screen">
      <h2 id="upload-heading">Upload files</h2>
      <SandboxBanner visible={visible} />
      <div className={`drop-hint${cards.length === 0 ? ' drop-hint-empty' : ''}`}>
        <p>Drop CSV, NDJSON, JSON or gzip files anywhere in this window, or</p>
        <button type="button" className="primary" onClick={() => input.current?.click()}>
          Browse…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          aria-label="Choose files to upload"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void addFiles(files);
          }}
        />
      </div>
      {adding > 0 && <p className="hint" role="status">Reading {adding} file{adding === 1 ? '' : 's'}…</p>}
      <OverallProgress cards={cards} />
      <ul className="cards" aria-label="Files">
        {cards.map((card) => (
          <li key={card.id}>
            <FileCard card={card} dispatch={dispatch} />
          </li>
        ))}
      </ul>
      {/* A portal: the overlay must cover the window even while this screen's panel is hidden. */}
      {dragging &&
        createPortal(
          <div className="drop-overlay" aria-hidden="true">
            <p>Drop files to add them</p>
          </div>,
          document.body,
        )}
    </section>
  );
}
