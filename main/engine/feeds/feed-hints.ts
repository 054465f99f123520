/**
 * What to do about a file a feed refused, in the words of the feed's own settings: the app's
 * "Change settings" on the Watched folders tab, or the options of `lexer-upload watch`. A
 * conversion's own hint ("choose it beside the column in the mapping") names a step a feed does
 * not have. Either way the file then goes back into the folder, and is sent with the new settings.
 */
import type { LexerError } from '../errors.js';

const BACK = 'then move the file back into the folder to send it.';
const ENCODING_CHOICES = 'mac-roman for an old Mac export, windows-1252 for most Windows programs, latin1, utf-8';
const SETTINGS = 'on the Watched folders tab, choose Change settings for this folder';

/** The hint for `error` as the feed's person acts on it (`app`: the Watched folders tab; `cli`: `watch`'s options). */
export function feedHint(error: LexerError, audience: 'app' | 'cli'): string | undefined {
  const app = audience === 'app';
  switch (error.code) {
    case 'date-order-unknown':
      return app
        ? `Say how this folder's CSV files write their dates: ${SETTINGS} and set "Dates in CSV files" to day/month/year or month/day/year (for every date column, or for this column); ${BACK}`
        : `Run the watch with --date-order dmy (day first, as Australia and the UK write dates) or --date-order mdy (month first, as the US does); ${BACK}`;
    case 'encoding-unknown':
      return app
        ? `Say which encoding this folder's CSV files are saved in: ${SETTINGS} and choose it under "Encoding of CSV files" (or save the file again as "CSV UTF-8" from the program that made it); ${BACK}`
        : `Run the watch with --encoding and the file's encoding (${ENCODING_CHOICES}), or save the file again as "CSV UTF-8" from the program that made it; ${BACK}`;
    case 'invalid-records':
      return app
        ? `Fix those rows, or ${SETTINGS}: tick "Leave out invalid optional fields" to keep those records without them, or untick "Check every record first" to send the valid rows only; ${BACK}`
        : `Fix those rows, or run the watch with --leave-out-invalid-fields (records kept without their invalid optional fields) or --no-validate (the valid rows sent); ${BACK}`;
    case 'not-ndjson':
      if (error.hint) return error.hint;
      return app ? `Export NDJSON, or ${SETTINGS} and tick "Convert CSV files to NDJSON"; ${BACK}` : `Export NDJSON, or run the watch with --convert; ${BACK}`;
    case 'columns-not-mapped':
      return app
        ? `Check that this file belongs in this folder. If it does, save a column mapping for it (Upload tab: convert a file like it, then Mapping presets) and ${SETTINGS} to choose it under "Column mapping"; ${BACK}`
        : `Check that this file belongs in this folder. If it does, run the watch with --map "HEADER=FIELD" for its columns; ${BACK}`;
    default:
      return error.hint;
  }
}
