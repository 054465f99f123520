/**
 * What the desktop asks the window to show: files the system asked the app to open (Open with, a
 * double-click, the command line of the first or a second launch) and a notification's target.
 * They can come before the window exists (macOS sends `open-file` before `ready`; a notification
 * clicked while the app ran in the tray), so they wait here and the window is only nudged: it
 * takes them once it listens, and none is lost or shown twice.
 */
import type { ShowRequest } from '../../contract/desktop.js';
import type { EventHub, ServiceEvents } from '../channels/event-hub.js';

export interface WindowRequests {
  /** Queues absolute paths (each once) and nudges the window. */
  addFiles(paths: readonly string[]): void;
  /** The paths waiting, oldest first; the queue is empty afterwards. */
  takeFiles(): string[];
  /** Asks the window to show `request` (the latest one wins). */
  show(request: ShowRequest): void;
  takeShow(): ShowRequest | null;
}

/** Creates the queue; `events` carries the nudges (`desktop:files-opened`, `desktop:show`). */
export function createWindowRequests(events: EventHub<ServiceEvents>): WindowRequests {
  let files: string[] = [];
  let shown: ShowRequest | null = null;
  return {
    addFiles(paths) {
      const fresh = paths.filter((p, i) => !files.includes(p) && paths.indexOf(p) === i);
      if (fresh.length === 0) return;
      files = [...files, ...fresh];
      events.emit('desktop:files-opened', null);
    },
    takeFiles() {
      const taken = files;
      files = [];
      return taken;
    },
    show(request) {
      shown = request;
      events.emit('desktop:show', null);
    },
    takeShow() {
      const taken = shown;
      shown = null;
      return taken;
    },
  };
}
