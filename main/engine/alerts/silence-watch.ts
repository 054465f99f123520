/**
 * Notices a feed that has gone quiet: no file within the expected interval ("every 24 h"), or
 * none by a time of a cron schedule ("0 9 * * 1-5": every weekday by 09:00, each file due in the
 * time since the schedule's previous time). Silence is raised once; the next file that arrives
 * ends it ("back to normal"), and the watch starts over from that file.
 */
import type { Cron } from 'croner';
import type { Expectation } from './alert-settings.js';
import { spanText } from './alert-text.js';

export interface SilenceWatch {
  /** A file arrived in the folder. */
  arrived(file: string): void;
  /** When the next file is due, or null while silent. */
  nextDeadline(): Date | null;
  stop(): void;
}

export interface SilenceOptions {
  /** The last file known to have arrived (History's latest entry for the feed), or null. */
  readonly lastArrival: Date | null;
  readonly onSilence: (e: { lastArrival: Date | null; expected: string; deadline: Date }) => void;
  readonly onBack: (e: { file: string; silentSince: Date }) => void;
  readonly now?: () => number;
}

/** The longest a timer may wait in Node; a deadline further away is looked at again then. */
const MAX_TIMER_MS = 2_147_000_000;

/** How the expectation reads in an alert: "every 24 h", "by each time of 0 9 * * 1-5". */
export function expectationText(e: Expectation): string {
  return e.kind === 'every' ? `at least every ${spanText(e.ms)}` : `by each time of the schedule ${e.expression}`;
}

/** Starts watching for silence; the cron library is loaded only for a schedule. */
export async function watchForSilence(expect: Expectation, o: SilenceOptions): Promise<SilenceWatch> {
  const now = o.now ?? Date.now;
  const cron: Cron | null = expect.kind === 'cron' ? new (await import('croner')).Cron(expect.expression, { paused: true }) : null;
  const startedAt = new Date(now());
  let lastArrival = o.lastArrival;
  /** When silence was raised; null while files come as expected. */
  let silentSince: Date | null = null;
  let deadline: Date | null;
  /** A file arrived in the window ending at `deadline` (cron only). */
  let arrivedInWindow: boolean;
  let timer: NodeJS.Timeout | undefined;

  const nextTime = (after: Date): Date | null => cron?.nextRun(after) ?? null;
  if (expect.kind === 'every') {
    deadline = new Date((lastArrival ?? startedAt).getTime() + expect.ms);
    arrivedInWindow = false;
  } else {
    deadline = nextTime(startedAt);
    const windowStart = deadline ? cron?.previousRuns(1, deadline)[0] ?? null : null;
    // Nothing known of the time before the feed was watched: its first window is not held against it.
    arrivedInWindow = lastArrival === null || windowStart === null || lastArrival > windowStart;
  }

  const check = (): void => {
    if (deadline === null) return;
    if (now() < deadline.getTime()) return arm();
    if (expect.kind === 'cron' && arrivedInWindow) {
      arrivedInWindow = false;
      deadline = nextTime(deadline);
      return arm();
    }
    const due = deadline;
    silentSince = new Date(now());
    deadline = null;
    o.onSilence({ lastArrival, expected: expectationText(expect), deadline: due });
  };
  function arm(): void {
    clearTimeout(timer);
    if (deadline === null) return;
    timer = setTimeout(check, Math.min(MAX_TIMER_MS, Math.max(0, deadline.getTime() - now())));
    timer.unref();
  }
  arm();

  return {
    arrived(file) {
      const at = new Date(now());
      lastArrival = at;
      if (silentSince !== null) {
        const since = silentSince;
        silentSince = null;
        o.onBack({ file, silentSince: since });
        // The file that ends a silence was the late one: the next is due by the next time.
        deadline = expect.kind === 'every' ? new Date(at.getTime() + expect.ms) : nextTime(at);
        arrivedInWindow = false;
      } else if (expect.kind === 'every') {
        deadline = new Date(at.getTime() + expect.ms);
      } else {
        arrivedInWindow = true;
      }
      arm();
    },
    nextDeadline: () => deadline,
    stop: () => clearTimeout(timer),
  };
}
