import { configDir, historyFile } from '../engine/config/paths.js';
import { openHistory, type UploadHistory } from '../engine/history/upload-history.js';
import { printError, warn } from './output.js';

/** Opens History for `upload` and `watch`; when it cannot be opened, says so and goes on without it. */
export async function openUploadHistory(): Promise<UploadHistory | null> {
  try {
    const history = await openHistory(historyFile(configDir()));
    for (const w of history.warnings) warn(`warning: ${w}`);
    return history;
  } catch (error) {
    printError(error, 'warning: the upload history cannot be opened, so this upload will not be recorded');
    return null;
  }
}
