/**
 * The list of file cards on the Upload screen and each card's upload state. Per-card choices
 * (name, record type, mapping) stay inside the card; only what the screen needs to sum up or
 * route events to lives here.
 */
import type { FileInfo, RecordTypeName, UploadState } from '../../preload/contract.js';

/** Values a card starts with: settings' default dataset, or an entry re-added from History. */
export interface CardDefaults {
  readonly filename: string | null;
  readonly datasetId: string | null;
  readonly recordType: RecordTypeName | null;
}

export interface Card {
  readonly id: string;
  readonly file: FileInfo;
  readonly defaults: CardDefaults;
  readonly upload: UploadState | null;
}

export type CardsAction =
  | { readonly type: 'added'; readonly file: FileInfo; readonly id: string; readonly defaults: CardDefaults }
  | { readonly type: 'removed'; readonly id: string }
  | { readonly type: 'upload-state'; readonly id: string; readonly state: UploadState };

/** Applies one action to the card list. */
export function cardsReducer(cards: readonly Card[], action: CardsAction): readonly Card[] {
  switch (action.type) {
    case 'added':
      return [...cards, { id: action.id, file: action.file, defaults: action.defaults, upload: null }];
    case 'removed':
      return cards.filter((c) => c.id !== action.id);
    case 'upload-state':
      return cards.map((c) => (c.id === action.id ? { ...c, upload: mergeState(c.upload, action.state) } : c));
    default: {
      const _exhaustive: never = action;
      return _exhaustive;
    }
  }
}

const FINAL_KINDS: ReadonlySet<UploadState['kind']> = new Set(['succeeded', 'failed', 'cancelled']);

/** Whether the state is an end state (nothing more will happen until the user acts). */
export function isFinal(state: UploadState | null): boolean {
  return state !== null && FINAL_KINDS.has(state.kind);
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
