/**
 * Characters a person cannot see in a spreadsheet cell but that change the data: a header
 * "Email\u200B" no longer matches "Email", and an NBSP copied from a web page breaks matching
 * on names and postcodes. Tab, CR and LF are not listed: they are legitimate in quoted cells.
 */
const NAMES: Record<number, string> = {
  0x00a0: 'a non-breaking space (U+00A0)',
  0x200b: 'a zero-width space (U+200B)',
  0x200c: 'a zero-width non-joiner (U+200C)',
  0x200d: 'a zero-width joiner (U+200D)',
  0x2060: 'a word joiner (U+2060)',
  0xfeff: 'a byte-order mark (U+FEFF)',
};

// Control characters are exactly what this looks for.
// eslint-disable-next-line no-control-regex
export const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0\u200b-\u200d\u2060\ufeff]/g;

/** Describes each distinct invisible character in `value` in plain words (empty when none). */
export function findInvisibleCharacters(value: string): string[] {
  const found = new Set<string>();
  for (const match of value.matchAll(INVISIBLE)) {
    const code = match[0].charCodeAt(0);
    found.add(NAMES[code] ?? `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`);
  }
  return [...found];
}

/** Makes invisible characters visible in a message: 'Email\u200B' -> 'Email<U+200B>'. */
export function showInvisible(value: string): string {
  return value.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
