/**
 * The encodings a person can name for a file (CLI `--encoding`, the app's choice on the CSV
 * card), for when the file itself does not say: what it is called on the command line, the name
 * iconv-lite decodes it by, and the name messages show.
 */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'mac-roman', 'latin1', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as const;

/** An encoding a person can choose. */
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** The single-byte encodings a line that is not UTF-8 may be in, most common first. */
export type SingleByteEncoding = 'windows-1252' | 'mac-roman';

export const SINGLE_BYTE_CANDIDATES: readonly SingleByteEncoding[] = ['windows-1252', 'mac-roman'];

/** Whether `value` names an encoding a person can choose. */
export function isTextEncoding(value: string): value is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(value);
}

/** The name iconv-lite knows the encoding by. */
export function iconvName(encoding: TextEncoding): string {
  return encoding === 'mac-roman' ? 'macintosh' : encoding;
}

/** The name messages and reports show ('Mac Roman', 'UTF-16LE'). */
export function encodingLabel(encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'windows-1252':
      return 'Windows-1252';
    case 'mac-roman':
      return 'Mac Roman';
    case 'latin1':
      return 'Latin-1 (ISO-8859-1)';
    case 'utf-16le':
    case 'utf-16be':
    case 'utf-32le':
    case 'utf-32be':
      return encoding.toUpperCase();
    default: {
      const _exhaustive: never = encoding;
      return _exhaustive;
    }
  }
}

/** Bytes a single-byte encoding leaves undefined (iconv-lite would give U+FFFD for them). */
export function undefinedBytes(encoding: TextEncoding): readonly number[] {
  // Windows-1252 leaves five bytes of 0x80-0x9F unassigned; Mac Roman and Latin-1 assign all 256.
  return encoding === 'windows-1252' ? [0x81, 0x8d, 0x8f, 0x90, 0x9d] : [];
}

/** Where the first byte `encoding` leaves undefined sits in `bytes`, or -1. */
export function firstUndefinedByte(bytes: Buffer, encoding: TextEncoding): number {
  let first = -1;
  for (const hole of undefinedBytes(encoding)) {
    const at = bytes.indexOf(hole);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  return first;
}

/** "--encoding mac-roman or --encoding windows-1252". */
export function encodingOptions(encodings: readonly TextEncoding[]): string {
  const options = encodings.map((e) => `--encoding ${e}`);
  return options.length <= 1 ? (options[0] ?? '') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}
