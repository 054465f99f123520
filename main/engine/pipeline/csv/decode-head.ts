/**
 * Decodes the head of a CSV for the preview as conversion decodes the whole file (source-encoding.ts):
 * by its mark, its zero bytes or the person's choice, else line by line with the single-byte
 * fallback the head's own lines show, and says in words what was found.
 */
import { noSingleEncoding, undefinedByteError, unreadLineError } from './encoding-errors.js';
import { iconvLite } from './lazy-iconv.js';
import { decodeMixed } from './mixed-decode.js';
import type { PreviewIssue } from './preview-types.js';
import { chooseFallback } from './single-byte.js';
import { sourceEncoding, sourceLabel, zeroBytesNote } from './source-encoding.js';
import { encodingLabel, firstUndefinedByte, iconvName, type TextEncoding } from './text-encodings.js';
import { LineCounter } from './physical-lines.js';
import { lastBreakEnd } from '../validation/line-batcher.js';

/** The encoding of a file whose head is plain ASCII, so far. */
export const ASCII_SO_FAR = 'plain ASCII so far (read as UTF-8)';

export interface DecodedHead {
  encoding: string;
  bomLength: number;
  text: string;
  notes: PreviewIssue[];
  problems: PreviewIssue[];
}

const MAX_NAMED_LINES = 10;

/** "line 5", "lines 5 and 9", "lines 5, 9 and 12 (and 3 more)". */
export function linesText(lines: readonly number[], total = lines.length): string {
  const shown = lines.slice(0, MAX_NAMED_LINES);
  const more = total > shown.length ? ` (and ${total - shown.length} more)` : '';
  if (shown.length === 1) return `line ${shown[0]}${more}`;
  return `lines ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}${more}`;
}

/** Decodes the head (`complete`: the whole file) as conversion would; a chosen encoding that does not fit is refused as conversion refuses it. */
export function decodeHead(path: string, bytes: Buffer, complete: boolean, chosen: TextEncoding | undefined): DecodedHead {
  const source = sourceEncoding(path, bytes, chosen);
  const { bomLength } = source;
  if (source.kind === 'decode') {
    const unit = source.encoding.startsWith('utf-32') ? 4 : source.encoding.startsWith('utf-16') ? 2 : 1;
    // Whole code units only: an odd last byte of UTF-16 is a character cut by the read.
    const body = bytes.subarray(bomLength, bomLength + (((bytes.length - bomLength) / unit) | 0) * unit);
    const bad = firstUndefinedByte(body, source.encoding);
    if (bad !== -1) {
      const lines = new LineCounter();
      lines.add(body, bad);
      throw undefinedByteError(path, lines.breaks + 1, body[bad] ?? 0, source.encoding);
    }
    const note = zeroBytesNote(source);
    return {
      encoding: sourceLabel(source, 0, false, { mark: false }), bomLength, text: iconvLite().decode(body, iconvName(source.encoding), { stripBOM: false }),
      notes: note ? [{ kind: 'encoding', message: note }] : [], problems: [],
    };
  }
  // Whole lines only: a head that ends inside a multibyte character must not look like another encoding.
  const body = bytes.subarray(bomLength, complete ? bytes.length : Math.max(bomLength, lastBreakEnd(bytes, true)));
  const problems: PreviewIssue[] = [];
  let fallback = source.fallback;
  let undecided = false;
  if (!source.chosen) {
    const choice = chooseFallback(body);
    if (choice.ok) {
      fallback = choice.fallback;
    } else {
      undecided = true;
      const refusal = noSingleEncoding(path, choice.unread);
      problems.push({ kind: 'encoding-unknown', message: `${refusal.message.replace(' No output was written.', '')} Conversion will stop there. ${refusal.hint ?? ''}`.trim() });
    }
  }
  const decoded = decodeMixed(body, fallback);
  if (source.chosen && decoded.unread) throw unreadLineError(path, decoded.unread.line + 1, 'utf-8', true, decoded.unread.readers);
  const lines = decoded.fallbackLines.map((l) => l + 1);
  const label = encodingLabel(fallback ?? 'windows-1252');
  const encoding = undecided ? 'no single encoding (lines of Windows-1252 and of Mac Roman)' : sourceLabel({ ...source, fallback }, lines.length, decoded.utf8NonAscii, { mark: false });
  if (problems.length === 0 && lines.length > 0 && !decoded.utf8NonAscii) {
    problems.push({ kind: 'not-utf8', message: `The file is not UTF-8, so it was read as ${label}. Check that accented letters (é, ü, ñ) look right here; if not, choose its encoding, or save it again as "CSV UTF-8".` });
  } else if (problems.length === 0 && lines.length > 0) {
    problems.push({
      kind: 'not-utf8',
      message: `The file is UTF-8 except ${linesText(lines)}, which ${lines.length === 1 ? 'is' : 'are'} not UTF-8 and ${lines.length === 1 ? 'was' : 'were'} read as ${label}. Check the accented letters there (Zoë, not ZoÃ«), or fix ${lines.length === 1 ? 'that line' : 'those lines'} and save the file as "CSV UTF-8".`,
    });
  }
  if (lines.length === 0 && !decoded.utf8NonAscii && !complete && bomLength === 0 && !source.chosen) {
    const kib = Math.round(body.length / 1024);
    return {
      encoding: ASCII_SO_FAR, bomLength, text: decoded.text, problems,
      notes: [{
        kind: 'encoding',
        message: `The first ${kib} KiB are plain ASCII, which UTF-8, Windows-1252 and Mac Roman read alike, so this is the encoding so far. Conversion reads the whole file: a later line that is not UTF-8 is read in the encoding such lines show (Windows-1252 or Mac Roman) and named, and a file no single encoding reads is refused, naming its lines.`,
      }],
    };
  }
  return { encoding, bomLength, text: decoded.text, notes: [], problems };
}
