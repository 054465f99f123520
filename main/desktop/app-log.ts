/**
 * The desktop app's log: one line per event that a person or their support may need afterwards
 * (a worker that could not start, an update check that failed), in `logs/main.log` under the
 * profile folder. Never a token, a presigned URL or file contents: callers pass plain sentences.
 * At 1 MB the file is moved to `main.old.log` and a new one started, so it never grows unbounded.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 1 << 20;

export interface AppLog {
  readonly file: string;
  info(message: string): void;
  error(message: string): void;
}

/** A log under `userDataDir/logs`; writing never throws (a log that fails must not stop the app). */
export function openAppLog(userDataDir: string, now: () => Date = () => new Date()): AppLog {
  const dir = join(userDataDir, 'logs');
  const file = join(dir, 'main.log');
  const write = (level: string, message: string): void => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, join(dir, 'main.old.log'));
      appendFileSync(file, `${now().toISOString()} ${level} ${message.replace(/\s*\n\s*/g, ' ')}\n`, { mode: 0o600 });
    } catch {
      // nowhere left to say it
    }
  };
  return { file, info: (m) => write('info', m), error: (m) => write('error', m) };
}
