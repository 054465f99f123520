/**
 * How a CSV's bytes are read, decided once from its head and the person's choice, the same way
 * by the preview and the conversion: the encoding a byte-order mark or the zero bytes of UTF-16
 * and UTF-32 show, the one the person chose, or UTF-8 line by line with a single-byte fallback
 * for the lines that are not UTF-8 (decided from the lines themselves, single-byte.ts).
 */
import { detectEncoding, type CsvEncoding } from './detect-encoding.js';
import { markContradicts } from './encoding-errors.js';
import { encodingName } from './mixed-decode.js';
import { encodingLabel, type SingleByteEncoding, type TextEncoding } from './text-encodings.js';

export type SourceEncoding =
  /** UTF-8 bytes passed through; lines that are not UTF-8 are read as `fallback` (null: the person said UTF-8, so such a line is refused). */
  | { kind: 'pass-through'; bomLength: number; fallback: SingleByteEncoding | null; chosen: boolean }
  /** Decoded whole from `encoding`: shown by a mark (`bomLength` > 0) or zero bytes, or chosen. */
  | { kind: 'decode'; encoding: TextEncoding; bomLength: number; chosen: boolean };

const CHOICE: Readonly<Record<CsvEncoding, TextEncoding>> = {
  'UTF-8': 'utf-8', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be', 'UTF-32LE': 'utf-32le', 'UTF-32BE': 'utf-32be',
};

/** Decides how to read a file from its first bytes (4 KiB is plenty) and the encoding the person chose, if any. */
export function sourceEncoding(path: string, head: Uint8Array, chosen: TextEncoding | undefined): SourceEncoding {
  const { encoding, bomLength } = detectEncoding(head);
  if (chosen) {
    // A mark, or UTF-16's zero bytes, says otherwise: reading the file as chosen would garble every value.
    if ((bomLength > 0 || encoding !== 'UTF-8') && CHOICE[encoding] !== chosen) throw markContradicts(path, encoding, bomLength > 0, chosen);
    return chosen === 'utf-8' ? { kind: 'pass-through', bomLength, fallback: null, chosen: true } : { kind: 'decode', encoding: chosen, bomLength, chosen: true };
  }
  if (encoding !== 'UTF-8') return { kind: 'decode', encoding: CHOICE[encoding], bomLength, chosen: false };
  return { kind: 'pass-through', bomLength, fallback: 'windows-1252', chosen: false };
}

/**
 * How the file was read, in words: 'UTF-8', 'UTF-8 and Mac Roman', 'UTF-16LE (no byte-order
 * mark)', 'Windows-1252 (as chosen)', with '(with a byte-order mark)' where one was removed
 * (the preview, which notes the mark apart, leaves that out: `mark` false).
 */
export function sourceLabel(source: SourceEncoding, fallbackLines: number, utf8NonAscii: boolean, o: { mark: boolean } = { mark: true }): string {
  const read = source.kind === 'pass-through' ? encodingName(fallbackLines, utf8NonAscii, source.fallback ?? 'windows-1252') : encodingLabel(source.encoding);
  if (source.chosen) return `${read} (as chosen)`;
  if (source.bomLength > 0) return o.mark ? `${read} (with a byte-order mark)` : read;
  return source.kind === 'decode' ? `${read} (no byte-order mark)` : read;
}

/** The note for UTF-16 or UTF-32 found by its zero bytes, or null. */
export function zeroBytesNote(source: SourceEncoding): string | null {
  if (source.kind !== 'decode' || source.chosen || source.bomLength > 0) return null;
  const label = encodingLabel(source.encoding);
  const zeros = source.encoding.startsWith('utf-32') ? 'three zero bytes with every ASCII character' : 'a zero byte beside every ASCII character, as SQL Server\'s bcp -w and some Windows tools write';
  return `The file is ${label} without a byte-order mark (${zeros}): it was read as ${label}.`;
}
