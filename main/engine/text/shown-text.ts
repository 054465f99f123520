/**
 * Text from outside (a server's words, a file's name) made safe to show. A terminal obeys escape
 * codes (ESC, and CSI as one C1 byte), a carriage return overwrites the line it is on, a line break
 * in a name forges a log line, and bidirectional controls reorder what is shown around them
 * (`invoice\u202Efdp.exe` reads as `invoiceexe.pdf`). Server text loses them; a name has them
 * written out (`<U+000A>`), so it stays recognisable and on one line.
 */

/** C0 controls, DEL and C1 controls. */
const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f';
/** The bidirectional controls (U+061C, U+200E-F, U+202A-E, U+2066-9). */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/** The bidirectional controls, as a character class (global). */
export const BIDI_CONTROLS = new RegExp(`[${BIDI}]`, 'g');
const CONTROLS_AND_BIDI = new RegExp(`[${CONTROL}${BIDI}]`, 'g');
/** What a printed line may not hold: every control but tab and line feed, and the bidirectional ones. */
const UNPRINTABLE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');

/** `c` written out as `<U+202E>`. */
export function codePointName(c: string): string {
  return `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * A server's words (an error message, an upload id, a header) as one plain line: controls and
 * bidirectional controls removed, line breaks and tabs made spaces.
 */
export function serverText(text: string): string {
  return text.replace(/[\t\n\r\v\f]+/g, ' ').replace(CONTROLS_AND_BIDI, '');
}

/** A name (of a file, a folder) for one line of human output: each control and bidirectional control written out. */
export function escapeName(name: string): string {
  return name.replace(CONTROLS_AND_BIDI, codePointName);
}

/**
 * What every printer of the command writes: controls other than tab and line feed, and the
 * bidirectional ones, removed. The last guard, whatever a message quotes.
 */
export function printableText(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

/** A JSON line with the characters JSON.stringify leaves raw (C1 and bidirectional controls) escaped as `\uXXXX`; the value is the same. */
export function printableJson(json: string): string {
  return json.replace(UNPRINTABLE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
