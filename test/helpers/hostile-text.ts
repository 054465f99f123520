/** Server text that would clear the screen, overwrite the line, colour it, ring the bell and reverse it. */
export const HOSTILE_TEXT = '\u001b[2J\u001b[31mdataset\rforged OK\u202etxt.exe\u009b1m\u0007 closed';

/** Every character a terminal obeys or that reorders text: C0 controls, DEL, C1 controls and bidirectional controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point here
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** What printed output must never hold raw: {@link UNSAFE} but the line feed. */
// eslint-disable-next-line no-control-regex -- as above
export const UNSAFE_OUTPUT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
