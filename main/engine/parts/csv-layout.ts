import iconv from 'iconv-lite';
import { LexerError } from '../errors.js';
import { detectDelimiter, detectLineEnding, newlineOf } from '../pipeline/csv/detect-dialect.js';
import { detectEncoding, type CsvEncoding } from '../pipeline/csv/detect-encoding.js';
import { emptyFile, readHead } from '../io/read-head.js';
import { findRowEnd } from '../io/row-boundary.js';

/** What every part of a CSV repeats, and how its rows are cut. */
export interface CsvLayout {
  encoding: CsvEncoding;
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** Bytes at the start of the file that every part starts with: the byte-order mark and the header row, as in the file. */
  headerBytes: number;
}

/** The header row must end within this much of the file (the preview reads the same). */
const HEAD_BYTES = 256 * 1024;

/**
 * Reads a CSV's encoding, byte-order mark, delimiter, line ending and where its header row ends
 * (a quoted header with a newline inside included), as the preview and the converter detect them.
 */
export async function readCsvLayout(path: string): Promise<CsvLayout> {
  const head = await readHead(path, HEAD_BYTES);
  if (head.totalBytes === 0) throw emptyFile(path);
  const { encoding, bomLength } = detectEncoding(head.bytes);
  const bytes = head.bytes.subarray(bomLength);
  // Without a BOM the file is UTF-8, perhaps with some Windows-1252 lines (the converter's
  // reading): both keep ASCII's delimiters, quotes and newlines, so its bytes pass as they are.
  const passThrough = encoding === 'UTF-8';
  // UTF-16 and UTF-32 are decoded whole code units at a time; a last part of one is a character cut by the read.
  const unit = encoding.startsWith('UTF-32') ? 4 : 2;
  const text = passThrough ? iconv.decode(bytes, encoding) : iconv.decode(bytes.subarray(0, bytes.length - (bytes.length % unit)), encoding, { stripBOM: false });
  const delimiter = detectDelimiter(text);
  const newline = newlineOf(detectLineEnding(text));
  const end = passThrough ? findRowEnd(bytes, delimiter, newline, 'first') : findRowEnd(text, delimiter, newline, 'first');
  if (end < 0 && !head.complete) {
    throw new LexerError('unsupported-file', `The header row of ${path} does not end within its first 256 KiB.`, {
      hint: 'Check the quotes in the first line: a quote that never closes makes the rest of the file one value.',
    });
  }
  const headerLength = end < 0 ? bytes.length : passThrough ? end : iconv.encode(text.slice(0, end), encoding).length;
  return { encoding, delimiter, newline, headerBytes: bomLength + headerLength };
}
