/**
 * Which page made which staged copy, so the copies go when their page does. Each page the host
 * serves names itself (a random id per load) on its event stream and on every file it stages.
 * When a page has had no event stream for `graceMs` (closed, reloaded: a reload is a new page),
 * its session is over: its copies are released, except those an upload or a check still reads,
 * which go once nothing reads them. A stream that drops and comes back (EventSource reconnects
 * on its own) within the grace keeps everything. Before, copies went only when a card was removed
 * or its upload succeeded, and a reload left them all behind (227 MB with no card open).
 */

export interface PageCopiesOptions {
  /** How long a page may be without an event stream before its session is over. */
  readonly graceMs: number;
  /** Deletes a copy (and its folder). */
  readonly release: (path: string) => Promise<unknown>;
  /** Whether an upload or a check is reading the file now. */
  readonly inUse: (path: string) => boolean;
}

export interface PageCopies {
  /** `page` staged a copy at `path`. */
  staged(page: string, path: string): void;
  /** An event stream of `page` opened; returns the function to call when it closes. */
  opened(page: string): () => void;
  /** Releases every copy not in use now (the host is closing: every session ends). */
  releaseAll(): Promise<void>;
}

interface Page {
  readonly copies: Set<string>;
  streams: number;
  timer: NodeJS.Timeout | null;
}

/** Keeps track of the pages' copies. */
export function createPageCopies(o: PageCopiesOptions): PageCopies {
  const pages = new Map<string, Page>();
  const pageOf = (id: string): Page => {
    let page = pages.get(id);
    if (!page) {
      page = { copies: new Set(), streams: 0, timer: null };
      pages.set(id, page);
    }
    return page;
  };
  const stopTimer = (page: Page): void => {
    if (page.timer) clearTimeout(page.timer);
    page.timer = null;
  };
  /** Releases what the page no longer needs; copies still read are tried again after the grace. */
  const sweep = (id: string, page: Page): void => {
    page.timer = null;
    if (page.streams > 0) return;
    for (const path of [...page.copies]) {
      if (o.inUse(path)) continue;
      page.copies.delete(path);
      void o.release(path).catch(() => undefined);
    }
    if (page.copies.size === 0) pages.delete(id);
    else schedule(id, page);
  };
  const schedule = (id: string, page: Page): void => {
    stopTimer(page);
    page.timer = setTimeout(() => sweep(id, page), o.graceMs);
    page.timer.unref();
  };
  return {
    staged(id, path) {
      const page = pageOf(id);
      page.copies.add(path);
      // A page that stages before its stream opens (or never opens one) still ends.
      if (page.streams === 0 && !page.timer) schedule(id, page);
    },
    opened(id) {
      const page = pageOf(id);
      page.streams += 1;
      stopTimer(page);
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        page.streams -= 1;
        if (page.streams === 0) schedule(id, page);
      };
    },
    async releaseAll() {
      const all = [...pages.values()];
      pages.clear();
      for (const page of all) stopTimer(page);
      await Promise.all(all.flatMap((page) => [...page.copies].filter((path) => !o.inUse(path)).map((path) => o.release(path).catch(() => undefined))));
    },
  };
}
