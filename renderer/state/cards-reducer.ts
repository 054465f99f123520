/**
 * The list of file cards on the Upload screen and each card's upload state. Per-card choices that
 * only the card needs (name, CSV mode, mapping) stay inside the card; what the screen acts on for
 * many cards at once (destination, selection) or routes events to lives here.
 */
import type { FileInfo } from '../../main/contract/files.js';
import type { RecordTypeName } from '../../main/contract/jobs.js';
import type { TransferProgress, UploadState } from '../../main/contract/uploads.js';

/** Values a card starts with: settings' default dataset, or an entry re-added from History. */
export interface CardDefaults {
  readonly filename: string | null;
  readonly datasetId: string | null;
  readonly recordType: RecordTypeName | null;
  /** The name of the file the person chose, when the card sends another (History's Retry of a converted CSV). */
  readonly sourceName?: string | null;
  /** Start the upload as soon as the card can (History's Retry). */
  readonly autoStart?: boolean;
  /**
   * How the "Compress (gzip)" box starts: for NDJSON (Settings' remembered choice) and for a CSV
   * or JSON sent as it is (off unless History's Retry repeats a compressed upload).
   */
  readonly compress?: { readonly ndjson: boolean; readonly asIs: boolean };
}

export interface Card {
  readonly id: string;
  readonly file: FileInfo;
  readonly defaults: CardDefaults;
  readonly upload: UploadState | null;
  /** The last bytes moving, kept through a retry so the card still says how big the file is. */
  readonly lastProgress: TransferProgress | null;
  readonly datasetId: string;
  readonly recordType: RecordTypeName;
  /** Ticked for the bulk actions (one dataset and record type for every selected card). */
  readonly selected: boolean;
  /** Name, size and date of the File the person chose, to reuse a copy instead of making another. */
  readonly sourceKey: string | null;
}

export type CardsAction =
  | { readonly type: 'added'; readonly file: FileInfo; readonly id: string; readonly defaults: CardDefaults; readonly sourceKey?: string | null }
  | { readonly type: 'removed'; readonly id: string }
  | { readonly type: 'upload-state'; readonly id: string; readonly state: UploadState }
  | { readonly type: 'destination'; readonly ids: readonly string[]; readonly datasetId?: string; readonly recordType?: RecordTypeName }
  | { readonly type: 'selected'; readonly ids: readonly string[]; readonly selected: boolean };

/** Applies one action to the card list. */
export function cardsReducer(cards: readonly Card[], action: CardsAction): readonly Card[] {
  switch (action.type) {
    case 'added':
      return [...cards, {
        id: action.id, file: action.file, defaults: action.defaults, upload: null, lastProgress: null,
        datasetId: action.defaults.datasetId ?? '', recordType: action.defaults.recordType ?? 'customer_record',
        selected: false, sourceKey: action.sourceKey ?? null,
      }];
    case 'removed':
      return cards.filter((c) => c.id !== action.id);
    case 'upload-state':
      return cards.map((c) => {
        if (c.id !== action.id) return c;
        const upload = mergeState(c.upload, action.state);
        const lastProgress = upload.kind === 'uploading' ? upload.progress : upload.kind === 'pending' ? null : c.lastProgress;
        return { ...c, upload, lastProgress };
      });
    case 'destination':
      return cards.map((c) => (action.ids.includes(c.id) && !isLocked(c)
        ? { ...c, datasetId: action.datasetId ?? c.datasetId, recordType: action.recordType ?? c.recordType }
        : c));
    case 'selected':
      return cards.map((c) => (action.ids.includes(c.id) ? { ...c, selected: action.selected } : c));
    default: {
      const _exhaustive: never = action;
      return _exhaustive;
    }
  }
}

const FINAL_KINDS: ReadonlySet<UploadState['kind']> = new Set(['succeeded', 'failed', 'cancelled', 'duplicate']);

/** Whether the state is an end state (nothing more will happen until the user acts). */
export function isFinal(state: UploadState | null): boolean {
  return state !== null && FINAL_KINDS.has(state.kind);
}

/** Whether the card's choices can no longer change: its upload runs, or it was sent. */
export function isLocked(card: Card): boolean {
  return (card.upload !== null && !isFinal(card.upload)) || card.upload?.kind === 'succeeded';
}

/**
 * Keeps an end state from being overwritten by a late progress event (events and the
 * `uploads:start` reply can arrive in either order); a new `pending`, which the card sets itself on (re)start, always wins.
 */
function mergeState(current: UploadState | null, next: UploadState): UploadState {
  if (current && isFinal(current) && !isFinal(next) && next.kind !== 'pending') {
    return current;
  }
  return next;
}
