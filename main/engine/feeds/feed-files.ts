/**
 * Where each file of a watched folder is in its life, one state per file:
 *
 *   waiting --quiet--> queued --slot--> sending --> moving --> (done: no state)
 *      ^                 ^                 |
 *      |                 '-- retry-wait <--+  a transient failure, tried again after a delay
 *      '-----------------------------------'  it changed while it was sent: quiet again first
 *
 * A file the feed is done with (sent, moved to failed/, kept for the next run, stopped) has no
 * state, so a later change to it makes it a new file. The feed's row counts come from here.
 */
import type { TakenFingerprint } from '../send/taken-fingerprint.js';
import { createQuietTracker } from './quiet-tracker.js';

/** A file's turn through the send, from being taken until it is moved (or left for later). */
export interface Turn {
  /** Settles once the turn has ended. */
  readonly ended: Promise<void>;
  /** The file's fingerprint, once taken (null before, or when the file could not be read). */
  readonly fingerprint: TakenFingerprint | null;
}

/** Where one file is; `attempts` counts its transient failures so far. */
export type FeedFileState =
  /** Seen; taken once its size and modification time stay unchanged for the quiet period. */
  | { readonly kind: 'waiting'; readonly attempts: number }
  /** Taken: fingerprinted, then waiting for a copy of itself being sent, then for a free slot. */
  | { readonly kind: 'queued'; readonly attempts: number; readonly turn: Turn }
  | { readonly kind: 'sending'; readonly attempts: number; readonly turn: Turn }
  /** Sent or refused: being moved to sent/ or failed/; the event that follows says how it ended. */
  | { readonly kind: 'moving'; readonly attempts: number; readonly turn: Turn }
  /** A transient failure: taken again when the timer fires. */
  | { readonly kind: 'retry-wait'; readonly attempts: number; readonly timer: NodeJS.Timeout };

/** The files of one feed by path. */
export interface FeedFiles {
  get(path: string): FeedFileState | undefined;
  set(path: string, state: FeedFileState): void;
  /** The feed is done with the file: it has no state any more. */
  forget(path: string): void;
  /**
   * A file appeared or changed: a new one starts waiting (true: say so), one waiting starts its
   * quiet period again, and one taken or waiting to be tried again is left as it is (a change
   * while it is sent shows when its turn ends).
   */
  see(path: string, attempts?: number): boolean;
  /** A file left the folder: forgotten if it was waiting. */
  gone(path: string): void;
  /** Stats the waiting files: those quiet for the whole period (still waiting, to be taken); gone ones are forgotten. */
  quiet(): Promise<string[]>;
  /** How many files have a state. */
  size(): number;
  /** Files seen and not yet sent (waiting to be quiet, queued, or waiting to be tried again), and files being sent. */
  counts(): { readonly waiting: number; readonly sending: number };
  /** The turns under way of other files with this fingerprint: a copy waits for them, so the duplicate guard sees its twin sent. */
  twinTurns(path: string, fingerprint: string): Promise<void>[];
  /** Every turn under way. */
  turns(): Promise<void>[];
  /** Stops every retry timer and forgets those files. */
  dropRetries(): void;
}

/** How a state counts on the feed's row: a file being moved is neither (its last event already said how it ended). */
function countedAs(state: FeedFileState): 'waiting' | 'sending' | null {
  switch (state.kind) {
    case 'waiting':
    case 'queued':
    case 'retry-wait':
      return 'waiting';
    case 'sending':
      return 'sending';
    case 'moving':
      return null;
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}

/** The turn a state is in, if any. */
function turnOf(state: FeedFileState): Turn | null {
  switch (state.kind) {
    case 'queued':
    case 'sending':
    case 'moving':
      return state.turn;
    case 'waiting':
    case 'retry-wait':
      return null;
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}

/** An empty table of files, for a feed whose files must stay unchanged for `quietMs` before they are taken. */
export function createFeedFiles(quietMs: number): FeedFiles {
  const files = new Map<string, FeedFileState>();
  // The quiet period of the waiting files: a file is in it exactly while its state is 'waiting'.
  const tracker = createQuietTracker(quietMs);
  const forget = (path: string): void => {
    if (files.get(path)?.kind === 'waiting') tracker.forget(path);
    files.delete(path);
  };
  return {
    get: (path) => files.get(path),
    set(path, state) {
      if (files.get(path)?.kind === 'waiting' && state.kind !== 'waiting') tracker.forget(path);
      files.set(path, state);
    },
    forget,
    see(path, attempts = 0) {
      const state = files.get(path);
      if (state === undefined) {
        files.set(path, { kind: 'waiting', attempts });
        tracker.see(path);
        return true;
      }
      switch (state.kind) {
        case 'waiting':
          tracker.see(path);
          return false;
        case 'queued':
        case 'sending':
        case 'moving':
        case 'retry-wait':
          return false;
        default: {
          const _exhaustive: never = state;
          return _exhaustive;
        }
      }
    },
    gone(path) {
      if (files.get(path)?.kind === 'waiting') forget(path);
    },
    async quiet() {
      const ready = await tracker.check();
      const still = new Set([...tracker.waiting(), ...ready]);
      for (const [path, state] of [...files]) if (state.kind === 'waiting' && !still.has(path)) files.delete(path);
      return ready;
    },
    size: () => files.size,
    counts() {
      let waiting = 0;
      let sending = 0;
      for (const state of files.values()) {
        const as = countedAs(state);
        if (as === 'waiting') waiting++;
        else if (as === 'sending') sending++;
      }
      return { waiting, sending };
    },
    twinTurns(path, fingerprint) {
      return [...files].flatMap(([other, state]) => {
        const turn = turnOf(state);
        return other !== path && turn?.fingerprint?.value === fingerprint ? [turn.ended] : [];
      });
    },
    turns: () => [...files.values()].flatMap((state) => {
      const turn = turnOf(state);
      return turn ? [turn.ended] : [];
    }),
    dropRetries() {
      for (const [path, state] of [...files]) {
        if (state.kind !== 'retry-wait') continue;
        clearTimeout(state.timer);
        files.delete(path);
      }
    },
  };
}
