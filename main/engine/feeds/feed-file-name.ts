/**
 * The name a feed sends a file under, as a manual upload would: NDJSON into a dataset
 * gets the vendor uploader's `{dataset_id}_{record_type}_{unix}.ndjson`; a file for Lexer staff
 * keeps its own name, fixed when it breaks Lexer's rules (FILE_UPLOAD_API.md, "File names").
 */
import { basename } from 'node:path';
import { LexerError } from '../errors.js';
import { checkFileName, defaultDatasetFileName, fixFileName } from '../names/file-name-rules.js';
import type { SendDestination } from '../send/send-types.js';

/** The last second a dataset name was made for, so two files of one run never share a name. */
let lastSecond = 0;

function uniqueNow(now: Date): Date {
  const second = Math.max(Math.floor(now.getTime() / 1000), lastSecond + 1);
  lastSecond = second;
  return new Date(second * 1000);
}

/**
 * The name to send `sentPath` under (the file itself, or its conversion to NDJSON), or a
 * LexerError when its own name cannot be made to follow Lexer's rules.
 */
export function feedFileName(sentPath: string, destination: SendDestination | null, now: Date = new Date()): string {
  if (destination) {
    const gz = /\.gz$/i.test(sentPath) ? '.gz' : '';
    return defaultDatasetFileName(destination.datasetId, destination.recordType, uniqueNow(now)) + gz;
  }
  const own = basename(sentPath);
  if (checkFileName(own).valid) return own;
  const fixed = fixFileName(own, { addDate: now });
  const left = checkFileName(fixed).problems;
  if (left.length > 0) {
    throw new LexerError('invalid-file-name', `The name ${own} cannot be made to follow Lexer's file-name rules: ${left.join('; ')}.`, {
      hint: 'Rename the file (e.g. customers-20261129-v1.csv) and put it back in the folder.',
    });
  }
  return fixed;
}
