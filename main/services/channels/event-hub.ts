/**
 * A typed publish/subscribe hub for the events main pushes to the window (`uploads:state`,
 * `jobs:progress`) and for the app-level activity the Electron layer shows in the taskbar.
 */
import type { EventChannel, EventChannels } from '../../contract/channels.js';

type Listener<T> = (payload: T) => void;

export interface EventHub<M> {
  on<E extends keyof M>(event: E, listener: Listener<M[E]>): () => void;
  emit<E extends keyof M>(event: E, payload: M[E]): void;
}

/** Creates a hub; a listener that throws is isolated so one bad subscriber cannot stop the rest. */
export function createEventHub<M>(): EventHub<M> {
  const listeners = new Map<keyof M, Set<Listener<never>>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as Listener<never>);
      listeners.set(event, set);
      return () => void set.delete(listener as Listener<never>);
    },
    emit(event, payload) {
      for (const l of [...(listeners.get(event) ?? [])]) {
        try {
          (l as Listener<typeof payload>)(payload);
        } catch {
          // a closed window or a broken stream must not break the upload that reported progress
        }
      }
    },
  };
}

/** App-level activity for the desktop shell: taskbar progress, keeping awake, notifications. */
export interface AppActivity {
  /** Uploads running or waiting in the queue. */
  readonly activeUploads: number;
  /** How many of them are watched folders' files, which are sent again at the next start. */
  readonly feedUploads?: number;
  /** Bytes sent over bytes to send across active uploads, 0..1; null when unknown or idle. */
  readonly progress: number | null;
}

/** How a batch of uploads ended, once the queue is empty again. */
export interface QueueOutcome {
  readonly succeeded: number;
  readonly failed: number;
  readonly cancelled: number;
}

/** Everything the services publish: the window's events plus the shell's. */
export interface ServiceEvents extends EventChannels {
  activity: AppActivity;
  'queue:settled': QueueOutcome;
}

export type { EventChannel };
