import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'lexer-uploader';

/**
 * The folder for the token file, the upload history and settings.
 *
 * `LEXER_UPLOAD_CONFIG_DIR` overrides it (tests, the browser host, several profiles); otherwise the
 * platform's per-user config folder: %APPDATA% on Windows, ~/Library/Application Support on macOS,
 * $XDG_CONFIG_HOME (default ~/.config) elsewhere.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LEXER_UPLOAD_CONFIG_DIR) return env.LEXER_UPLOAD_CONFIG_DIR;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
    default:
      return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER);
  }
}

/** The upload journal's file inside a config folder. */
export function historyFile(dir: string = configDir()): string {
  return join(dir, 'history.json');
}
