/**
 * The Upload screen: the window-wide drop zone, a Browse… button, what is needed before the first
 * upload, one card per file (with bulk actions from two on), the overall progress, and the single
 * subscription to upload state events for all cards.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import { createPortal } from 'react-dom';
import { useApi } from '../../api-context.js';
import type { Card, CardsAction } from '../../state/cards-reducer.js';
import { useWindowDrop } from './use-window-drop.js';
import { useUploadAnnouncements } from './use-upload-announcements.js';
import { useCardFiles } from './use-card-files.js';
import { useDesktopCards } from './use-desktop-cards.js';
import { BulkActions } from './bulk-actions.js';
import { FileCard } from './file-card.js';
import { FirstRunPanel } from './first-run-panel.js';
import { OverallProgress } from './overall-progress.js';
import { SandboxBanner } from './sandbox-banner.js';

interface Props {
  readonly cards: readonly Card[];
  readonly dispatch: Dispatch<CardsAction>;
  /** Called when files are dropped while another screen shows, to bring Upload to the front. */
  readonly onFilesDropped: () => void;
  /** Opens Settings with the token box focused (the first-run panel's first choice). */
  readonly onPasteToken: () => void;
  /** Whether the Upload tab is showing (to refresh what depends on Settings). */
  readonly visible: boolean;
}

/** The Upload screen. */
export function UploadScreen({ cards, dispatch, onFilesDropped, onPasteToken, visible }: Props) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const files = useCardFiles(cards, dispatch);
  useUploadAnnouncements(cards);

  useEffect(() => api.uploads.onState((e) => dispatch({ type: 'upload-state', id: e.id, state: e.state })), [api, dispatch]);

  const defaults = async () => {
    const s = await api.settings.get();
    return { datasetId: s.ok ? s.value.defaultDatasetId : '', gzip: s.ok ? s.value.gzip : true };
  };
  const add = (chosen: readonly File[]) => {
    void defaults().then((d) => files.addFiles(chosen, d.datasetId, d.gzip));
  };
  useDesktopCards(cards, dispatch, files, defaults, onFilesDropped);
  const dragging = useWindowDrop((dropped) => {
    onFilesDropped();
    add(dropped);
  });

  return (
    <section aria-labelledby="upload-heading" className="screen">
      <h2 id="upload-heading">Upload files</h2>
      <SandboxBanner visible={visible} />
      <FirstRunPanel onPasteToken={onPasteToken} />
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
            const chosen = Array.from(e.target.files ?? []);
            e.target.value = '';
            add(chosen);
          }}
        />
      </div>
      {files.adding > 0 && <p className="hint" role="status">Reading {files.adding} file{files.adding === 1 ? '' : 's'}…</p>}
      {cards.length >= 2 && <BulkActions cards={cards} dispatch={dispatch} />}
      <OverallProgress cards={cards} />
      <ul className="cards" aria-label="Files">
        {cards.map((card) => (
          <li key={card.id}>
            <FileCard card={card} dispatch={dispatch} onRemove={files.remove} onRelease={files.release} selectable={cards.length >= 2} />
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
