/**
 * A light check of a dataset ID as typed. Lexer documents no endpoint that
 * says whether a dataset exists, and its IDs are letters and digits (the vendor's examples are
 * hex such as `0e2187...`), so a space or other character is almost certainly a slip: say so
 * before the upload, instead of a job that fails later in the Hub.
 */

/** A sentence saying what looks wrong, or null when the ID looks fine (or is empty). */
export function datasetIdProblem(value: string): string | null {
  const id = value.trim();
  if (id === '') return null;
  if (/\s/.test(id)) return 'The dataset ID has a space in it; dataset IDs have none. Copy it again from the Hub (Manage > Datasets).';
  const odd = [...new Set([...id].filter((c) => !/[A-Za-z0-9_-]/.test(c)))];
  if (odd.length > 0) {
    return `The dataset ID has ${odd.map((c) => `“${c}”`).join(', ')}; dataset IDs are letters, digits, “-” and “_”. Check it in the Hub (Manage > Datasets).`;
  }
  return null;
}
