/**
 * What the desktop shell remembers between runs (not Settings: nothing here is a choice the
 * person makes in the window): whether it already said that closing the window keeps the
 * watched folders running in the tray.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DesktopPrefs {
  backgroundNoticeShown(): boolean;
  markBackgroundNoticeShown(): void;
}

/** Prefs in `userDataDir/desktop.json`; an unreadable file counts as empty, a failed write is ignored. */
export function openDesktopPrefs(userDataDir: string): DesktopPrefs {
  const file = join(userDataDir, 'desktop.json');
  let prefs: { backgroundNoticeShown?: boolean } = {};
  try {
    prefs = JSON.parse(readFileSync(file, 'utf8')) as typeof prefs;
  } catch {
    // first run, or a damaged file: start afresh
  }
  return {
    backgroundNoticeShown: () => prefs.backgroundNoticeShown === true,
    markBackgroundNoticeShown() {
      prefs = { ...prefs, backgroundNoticeShown: true };
      try {
        writeFileSync(file, `${JSON.stringify(prefs)}\n`, { mode: 0o600 });
      } catch {
        // said once more next time: better than failing
      }
    },
  };
}
