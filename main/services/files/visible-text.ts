/**
 * Bidirectional control characters (U+061C, U+200E-F, U+202A-E, U+2066-9) reorder the text
 * around them wherever it is shown: `invoice\u202Efdp.exe` reads as `invoiceexe.pdf`. A file
 * name is shown to the person deciding what to send, so they are made visible.
 */

/** The bidirectional controls, as a character class (global). */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each bidirectional control written out as `<U+202E>`, so it cannot reorder what is shown. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
