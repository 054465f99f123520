/**
 * Adding files to the Upload screen and letting go of the copies made for them. In the browser
 * host each dropped file is copied to main (a staged copy); dropping the same file again reuses
 * the copy an open card has instead of making another, and a copy is released (deleted by main)
 * once no open card needs it: when its card is removed or its upload succeeded.
 * In Electron main deletes nothing but its own conversion outputs.
 */
import { useCallback, useRef, useState, type Dispatch } from 'react';
import { useApi } from '../../api-context.js';
import { isLocked, type Card, type CardsAction } from '../../state/cards-reducer.js';
import { refusedFile } from '../../state/refused-file.js';
import { useAnnounce } from '../shared/live-region.js';

/** What identifies a chosen File well enough to share its copy: name, size and date. */
function keyOf(file: File): string {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

export interface CardFiles {
  /** Files being read (copied, inspected) right now. */
  readonly adding: number;
  /** `gzip`: Settings' choice for compressing NDJSON, each card's box starts from it. */
  addFiles(files: readonly File[], datasetId: string, gzip: boolean): Promise<void>;
  /** Adds cards for files main can read by path (opened from the system: Open with, the command line). */
  addPaths(paths: readonly string[], datasetId: string, gzip: boolean): Promise<void>;
  /** Removes a card and releases its copies (`extra`: its conversion outputs). */
  remove(card: Card, extra: readonly string[]): void;
  /** Releases copies a card no longer needs (`keepFile`: the card still shows its own file). */
  release(card: Card, paths: readonly string[]): void;
}

/** The add/remove/release logic over the card list. */
export function useCardFiles(cards: readonly Card[], dispatch: Dispatch<CardsAction>): CardFiles {
  const api = useApi();
  const announce = useAnnounce();
  const [adding, setAdding] = useState(0);
  const latest = useRef(cards);
  latest.current = cards;

  const releaseUnused = useCallback((paths: readonly string[], exceptId: string) => {
    for (const path of new Set(paths)) {
      if (!path) continue;
      const inUse = latest.current.some((c) => c.id !== exceptId && c.file.path === path);
      if (!inUse) void api.files.release(path);
    }
  }, [api]);

  const addFiles = useCallback(async (files: readonly File[], datasetId: string, gzip: boolean) => {
    if (files.length === 0) return;
    setAdding((n) => n + files.length);
    let refused = 0;
    for (const file of files) {
      const key = keyOf(file);
      // A card that is not done with the same file still has its copy: reuse it.
      const twin = latest.current.find((c) => c.sourceKey === key && c.file.path && c.upload?.kind !== 'succeeded');
      // Any size: a file over one upload's 5 GiB is sent in parts; the browser host
      // refuses a copy only when its disk cannot hold it, and says so.
      const r = twin ? await api.files.inspect(twin.file.path) : await api.files.add(file);
      const info = r.ok ? r.value : refusedFile('', file.name, file.size, r.error);
      if (info.blocker) refused += 1;
      const defaults = { filename: null, datasetId, recordType: null, compress: { ndjson: gzip, asIs: false } };
      dispatch({ type: 'added', id: crypto.randomUUID(), file: info, defaults, sourceKey: info.path ? key : null });
      setAdding((n) => n - 1);
    }
    const count = files.length;
    announce(`${count} file${count === 1 ? '' : 's'} added${refused > 0 ? `; ${refused} cannot be uploaded` : ''}.`);
  }, [api, announce, dispatch]);

  const addPaths = useCallback(async (paths: readonly string[], datasetId: string, gzip: boolean) => {
    if (paths.length === 0) return;
    setAdding((n) => n + paths.length);
    let refused = 0;
    for (const path of paths) {
      const r = await api.files.inspect(path);
      const info = r.ok ? r.value : refusedFile(path, path.split(/[\\/]/).pop() ?? path, 0, r.error);
      if (info.blocker) refused += 1;
      const defaults = { filename: null, datasetId, recordType: null, compress: { ndjson: gzip, asIs: false } };
      dispatch({ type: 'added', id: crypto.randomUUID(), file: info, defaults });
      setAdding((n) => n - 1);
    }
    announce(`${paths.length} file${paths.length === 1 ? '' : 's'} opened${refused > 0 ? `; ${refused} cannot be uploaded` : ''}.`);
  }, [api, announce, dispatch]);

  const remove = useCallback((card: Card, extra: readonly string[]) => {
    if (isLocked(card) && card.upload?.kind !== 'succeeded') return; // a running upload is cancelled first
    dispatch({ type: 'removed', id: card.id });
    releaseUnused([card.file.path, ...extra], card.id);
  }, [dispatch, releaseUnused]);

  const release = useCallback((card: Card, paths: readonly string[]) => releaseUnused(paths, card.id), [releaseUnused]);

  return { adding, addFiles, addPaths, remove, release };
}
