import { basename } from 'node:path';
import { checkFileName, defaultDatasetFileName, fixFileName } from '../engine/names/file-name-rules.js';
import type { RecordTypeName } from '../engine/schemas/record-type-names.js';

/** One file of an `upload` run: where it is, the name it is sent under, and why. */
export interface UploadPlan {
  filePath: string;
  /** What the user typed, for messages. */
  label: string;
  filename: string;
  /** The name before fixing, when it broke Lexer's rules. */
  renamedFrom: string | null;
  /** Problems the fixer could not solve (an unknown extension). */
  leftoverProblems: string[];
  destination: { datasetId: string; recordType: RecordTypeName } | null;
}

/**
 * Decides the name each file is sent under.
 *
 * NDJSON into a dataset with no --filename: the vendor uploader's default
 * `{dataset_id}_{record_type}_{unix}.ndjson` (+ `.gz` for a gzipped file), one second apart per
 * file so two files of one run never get the same name. Otherwise --filename or the file's own
 * name, fixed by {@link fixFileName} when it breaks the rules.
 */
export function planUploads(
  files: readonly string[],
  o: { filename?: string; destination: UploadPlan['destination']; now?: Date },
): UploadPlan[] {
  const start = (o.now ?? new Date()).getTime();
  return files.map((filePath, i) => {
    const base = { filePath, label: filePath, destination: o.destination, renamedFrom: null, leftoverProblems: [] };
    if (o.destination && o.filename === undefined) {
      const gz = /\.gz$/i.test(filePath) ? '.gz' : '';
      const name = defaultDatasetFileName(o.destination.datasetId, o.destination.recordType, new Date(start + i * 1000)) + gz;
      return { ...base, filename: name };
    }
    const wanted = o.filename ?? basename(filePath);
    if (checkFileName(wanted).valid) return { ...base, filename: wanted };
    const fixed = fixFileName(wanted, { addDate: new Date(start) });
    return { ...base, filename: fixed, renamedFrom: wanted, leftoverProblems: checkFileName(fixed).problems };
  });
}
