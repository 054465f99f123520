/**
 * The uploads running now, each with the request it was started with and its latest state, so a
 * window that opens while they run (macOS re-creates it from the dock; a reload after a crash)
 * shows their cards instead of an empty screen. An upload leaves the list when its start call
 * returns, which is when it has ended.
 */
import type { CurrentUpload } from '../../contract/desktop.js';
import type { UploadRequest, UploadState } from '../../contract/uploads.js';
import type { EventHub, ServiceEvents } from '../channels/event-hub.js';

export interface CurrentUploads {
  /** Runs `start` (the upload, to its end) with `request` listed meanwhile. */
  follow<T>(request: UploadRequest, start: () => Promise<T>): Promise<T>;
  list(): CurrentUpload[];
}

/** Follows `uploads:state` on `events` for the uploads started through {@link CurrentUploads.follow}. */
export function createCurrentUploads(events: EventHub<ServiceEvents>): CurrentUploads {
  const running = new Map<string, { request: UploadRequest; state: UploadState }>();
  events.on('uploads:state', (e) => {
    const entry = running.get(e.id);
    if (entry) entry.state = e.state;
  });
  return {
    async follow(request, start) {
      // A second start of a running id joins it (the upload service's rule): keep the first entry.
      const own = !running.has(request.id);
      if (own) running.set(request.id, { request, state: { kind: 'pending' } });
      try {
        return await start();
      } finally {
        if (own) running.delete(request.id);
      }
    },
    list: () => [...running.values()].map(({ request, state }) => ({ request, state })),
  };
}
