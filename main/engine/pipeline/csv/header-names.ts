/**
 * How a header is read, the same way everywhere (preview, suggestions, conversion): characters
 * nobody can see at its ends or inside (a non-breaking space pasted after "date_of_birth", a
 * zero-width space) are not part of the name. Preview and conversion must agree.
 */

// Zero-width characters and the BOM: never meant as part of a name, wherever they sit.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** The name a header is matched by: zero-width characters removed, white space (NBSP too) trimmed. */
export function cleanHeader(header: string): string {
  return header.replace(ZERO_WIDTH, '').trim();
}

/** A column's letter as spreadsheets show it: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "column 3 (C)": how messages name a column (0-based index in). */
export function columnName(index: number): string {
  return `column ${index + 1} (${columnLetter(index)})`;
}
