/**
 * The sandbox's memory of the URLs it signed (path -> Host and query), which its S3 guard
 * compares each PUT against. Bounded, so a long-running sandbox asked for millions of URLs does
 * not grow without end: the oldest entries go first, and an entry is forgotten an
 * hour after its link expired (until then a late PUT still gets S3's "Request has expired").
 */

/** What the sandbox signed for one issued URL: the Host and the exact query (keyed by its path). */
export interface IssuedUrl {
  host: string;
  query: ReadonlyArray<readonly [string, string]>;
}

/** How many signed URLs are remembered at most (each is a few hundred bytes). */
export const MAX_ISSUED_URLS = 10_000;
const KEEP_AFTER_EXPIRY_MS = 3600_000;

export interface IssuedUrls {
  add(path: string, issued: IssuedUrl, expiresAt: number): void;
  get(path: string): IssuedUrl | undefined;
  readonly size: number;
}

/** Creates the bounded map; `max` is lowered by tests. */
export function createIssuedUrls(o: { max?: number; now?: () => number } = {}): IssuedUrls {
  const max = Math.max(1, o.max ?? MAX_ISSUED_URLS);
  const now = o.now ?? Date.now;
  const entries = new Map<string, { issued: IssuedUrl; expiresAt: number }>();
  const prune = (): void => {
    // A Map iterates in insertion order: the oldest entries come first.
    for (const [path, e] of entries) {
      if (entries.size <= max && e.expiresAt + KEEP_AFTER_EXPIRY_MS > now()) break;
      entries.delete(path);
    }
  };
  return {
    add(path, issued, expiresAt) {
      entries.delete(path);
      entries.set(path, { issued, expiresAt });
      prune();
    },
    get: (path) => entries.get(path)?.issued,
    get size() {
      return entries.size;
    },
  };
}
