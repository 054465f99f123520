/**
 * Decides when a file in a watched folder is complete: its size and modification time
 * have not changed for the quiet period. Another program may still be writing it until then, and
 * a file sent half-written would load half the data with nothing to say so.
 */
import { lstat } from 'node:fs/promises';

export interface QuietTracker {
  /** A file appeared or changed: its quiet period starts (again) from now. */
  see(path: string): void;
  forget(path: string): void;
  /** Stats every file waiting; returns (and stops tracking) those quiet for the whole period. */
  check(): Promise<string[]>;
  /** Files waiting to become quiet. */
  waiting(): string[];
}

interface Seen { size: number; mtimeMs: number; since: number }

/** A tracker requiring `quietMs` of unchanged size and modification time. */
export function createQuietTracker(quietMs: number, now: () => number = Date.now): QuietTracker {
  const files = new Map<string, Seen | null>();
  return {
    see(path) {
      // null: not stat-ed yet, so the period starts at the next check.
      files.set(path, null);
    },
    forget(path) {
      files.delete(path);
    },
    waiting: () => [...files.keys()],
    async check() {
      const ready: string[] = [];
      for (const [path, seen] of [...files]) {
        // lstat: a link is looked at, never its target; whether it may be taken is decided when
        // it is taken (feed-take.ts), which says so when it may not.
        const info = await lstat(path).catch(() => null);
        if (!info) {
          files.delete(path); // gone (moved, deleted)
          continue;
        }
        const t = now();
        if (!seen || seen.size !== info.size || seen.mtimeMs !== info.mtimeMs) {
          files.set(path, { size: info.size, mtimeMs: info.mtimeMs, since: t });
        } else if (t - seen.since >= quietMs) {
          files.delete(path);
          ready.push(path);
        }
      }
      return ready;
    },
  };
}
