/**
 * File-name helpers the card needs while the user types. The rules themselves are checked in
 * main (`files.checkName`); these only swap an extension and build the vendor's default name.
 */

/** Replaces a trailing `.csv`/`.json`/`.txt` (any case) with `.ndjson`, or appends it. */
export function withNdjsonExtension(name: string): string {
  if (/\.ndjson$/i.test(name)) return name;
  const base = name.replace(/\.(csv|json|txt|tsv)$/i, '');
  return `${base}.ndjson`;
}

/** Swaps `.ndjson` back to `.csv` (when the user goes back to sending the CSV as it is). */
export function withCsvExtension(name: string): string {
  return /\.ndjson$/i.test(name) ? name.replace(/\.ndjson$/i, '.csv') : name;
}

/** Swaps `.ndjson` back to `.json` (when the user goes back to sending the JSON as it is). */
export function withJsonExtension(name: string): string {
  return /\.ndjson$/i.test(name) ? name.replace(/\.ndjson$/i, '.json') : name;
}

/**
 * The vendor uploader's default NDJSON destination name: `{dataset_id}_{record_type}_{unix_timestamp}.ndjson`
 * (FILE_UPLOAD_API.md, "File names").
 */
export function defaultDatasetFileName(datasetId: string, recordType: string, now: Date = new Date()): string {
  return `${datasetId}_${recordType}_${Math.floor(now.getTime() / 1000)}.ndjson`;
}

/**
 * Whether `name` has the shape of the vendor uploader's own default for a record type,
 * `{dataset_id}_{record_type}_{unix_timestamp}.ndjson` (gzipped or not): Lexer made that shape, so
 * it is sent as it is. `lexer-upload` gives it to dataset uploads, and History's Retry keeps it.
 */
export function isDatasetDefaultName(name: string, recordType: string): boolean {
  return new RegExp(`^[A-Za-z0-9_-]+_${recordType}_\\d{9,11}\\.ndjson(\\.gz)?$`).test(name);
}

/** The name a file compressed on the way is sent under: `.gz` added, as main adds it. */
export function withGzipExtension(name: string): string {
  return !name || /\.gz$/i.test(name) ? name : `${name}.gz`;
}
