/**
 * The refusals of a file whose encoding is not plain: no single encoding reads every line right,
 * a line the chosen encoding does not read, a byte it leaves undefined. Each names the lines, the
 * encodings that do read them, and the option that settles it (`--encoding`; in the app, the
 * Encoding choice on the file's card), since guessing would write wrong names into profiles.
 */
import { LexerError } from '../../errors.js';
import { unreadText, type SingleByteEncoding } from './single-byte.js';
import { encodingLabel, encodingOptions, SINGLE_BYTE_CANDIDATES, type TextEncoding } from './text-encodings.js';

const IN_THE_APP = 'in the app, choose it under Encoding on the file\'s card';

function hint(encodings: readonly TextEncoding[]): string {
  return `Say which encoding the file is in: ${encodingOptions(encodings)} (${IN_THE_APP}). Or save the file again as "CSV UTF-8" from the program that made it.`;
}

/** No single-byte encoding reads every line of the head that is not UTF-8. */
export function noSingleEncoding(path: string, unread: ReadonlyMap<SingleByteEncoding, number[]>): LexerError {
  return new LexerError('encoding-unknown', `${path} is not UTF-8, and no single encoding reads all of it: ${unreadText(unread)}. No output was written.`, {
    hint: hint(SINGLE_BYTE_CANDIDATES),
  });
}

/**
 * A line, later in the file, that the encoding the conversion settled on (or the one the person
 * chose) does not read right; `readers` are the encodings that do.
 */
export function unreadLineError(path: string, line: number, reading: SingleByteEncoding | 'utf-8', chosen: boolean, readers: readonly SingleByteEncoding[]): LexerError {
  const as = chosen ? `as ${encodingLabel(reading)}, the encoding you chose` : `as ${encodingLabel(reading)}, which the lines before it were read in`;
  const reads = readers.length > 0 ? `; it reads as ${readers.map(encodingLabel).join(' or ')}` : '';
  // The encodings that read the line first; the one it was read in only when it was not chosen.
  const options = new Set<TextEncoding>([...readers, ...SINGLE_BYTE_CANDIDATES, 'utf-8']);
  if (chosen) options.delete(reading);
  return new LexerError('encoding-unknown', `Line ${line} of ${path} is not UTF-8 and does not read right ${as}${reads}. No output was written.`, {
    hint: hint([...options]),
  });
}

/** A byte the chosen single-byte encoding leaves undefined. */
export function undefinedByteError(path: string, line: number, byte: number, encoding: TextEncoding): LexerError {
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return new LexerError('encoding-unknown', `Line ${line} of ${path} has the byte ${hex}, which ${encodingLabel(encoding)} (--encoding ${encoding}) does not define, so the file is not in that encoding. No output was written.`, {
    hint: hint(SINGLE_BYTE_CANDIDATES.filter((e) => e !== encoding)),
  });
}

/** A byte-order mark, or the zero bytes of UTF-16 or UTF-32, that name another encoding than the one chosen. */
export function markContradicts(path: string, shown: string, marked: boolean, chosen: TextEncoding): LexerError {
  const how = marked ? `starts with a ${shown} byte-order mark` : `has the zero bytes of ${shown} text`;
  return new LexerError('usage', `${path} ${how}, so it is ${shown}, not ${encodingLabel(chosen)}.`, {
    hint: `Leave out --encoding (in the app, choose "Detect"): the file itself says how to read it.`,
  });
}
