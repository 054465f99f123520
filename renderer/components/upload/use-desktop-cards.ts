/**
 * Cards that come from the desktop rather than a drop or Browse…: files the system asked the app
 * to open (Open with, a double-click, a second launch's command line), taken when the window
 * starts and whenever main says more are waiting; and the uploads main is running while this
 * window opens (macOS re-creates the window from the dock, a crashed page is reloaded): each gets
 * its card back, following the same upload, so it can still be watched and cancelled.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import type { CurrentUpload } from '../../../main/contract/desktop.js';
import { useApi } from '../../api-context.js';
import type { Card, CardsAction } from '../../state/cards-reducer.js';
import { refusedFile } from '../../state/refused-file.js';
import type { CardFiles } from './use-card-files.js';

/** Settings' default dataset and gzip choice, which new cards start from. */
type Defaults = () => Promise<{ datasetId: string; gzip: boolean }>;

/** Adds the desktop's cards; `onOpened` brings the Upload screen to the front. */
export function useDesktopCards(cards: readonly Card[], dispatch: Dispatch<CardsAction>, files: Pick<CardFiles, 'addPaths'>, defaults: Defaults, onOpened: () => void): void {
  const api = useApi();
  const latest = useRef({ cards, files, defaults, onOpened });
  latest.current = { cards, files, defaults, onOpened };

  useEffect(() => {
    let live = true;
    const takeOpened = async () => {
      const r = await api.desktop.takeOpenedFiles();
      if (!live || !r.ok || r.value.length === 0) return;
      latest.current.onOpened();
      const d = await latest.current.defaults();
      await latest.current.files.addPaths(r.value, d.datasetId, d.gzip);
    };
    const replay = async (running: readonly CurrentUpload[]) => {
      for (const { request, state } of running) {
        if (!live || latest.current.cards.some((c) => c.id === request.id)) continue;
        const r = await api.files.inspect(request.path);
        const file = r.ok ? r.value : refusedFile(request.path, request.filename, 0, r.error);
        const compress = { ndjson: request.gzip ?? true, asIs: request.gzip ?? false };
        const destination = request.destination;
        dispatch({
          type: 'added', id: request.id, file,
          defaults: { filename: request.filename, datasetId: destination?.datasetId ?? null, recordType: destination?.recordType ?? null, compress },
        });
        dispatch({ type: 'upload-state', id: request.id, state });
      }
    };
    void api.desktop.currentUploads().then((r) => (r.ok ? replay(r.value) : undefined)).then(takeOpened);
    const off = api.desktop.onFilesOpened(() => void takeOpened());
    return () => {
      live = false;
      off();
    };
  }, [api, dispatch]);
}
