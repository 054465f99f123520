/**
 * Bidirectional control characters (U+061C, U+200E-F, U+202A-E, U+2066-9) reorder the text
 * around them wherever it is shown: `invoice\u202Efdp.exe` reads as `invoiceexe.pdf`. A file
 * name is shown to the person deciding what to send, so they are made visible.
 */
import { BIDI_CONTROLS, codePointName } from '../../engine/text/shown-text.js';

export { BIDI_CONTROLS };

/** `text` with each bidirectional control written out as `<U+202E>`, so it cannot reorder what is shown. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, codePointName);
}
