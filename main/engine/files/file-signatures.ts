/**
 * What a file really is, from its first bytes (its "magic number"), for the kinds people drop by
 * mistake on an uploader that takes only CSV, JSON and NDJSON: spreadsheets, documents, images,
 * archives. Office files since 2007 (.xlsx, .docx, .pptx), OpenDocument and Apple's iWork files
 * are zip archives, told apart by the names of the entries near the start of the archive.
 */
import { hasGzipMagic } from '../io/gzip-magic.js';
import { encodingByZeros } from '../pipeline/csv/detect-encoding.js';

/** A kind of content Lexer cannot load, or one of the wrappers it can (gzip). */
export type ContentKind =
  | 'gzip'
  | 'excel'
  | 'excel-legacy'
  | 'office-legacy'
  | 'word'
  | 'powerpoint'
  | 'opendocument-spreadsheet'
  | 'opendocument'
  | 'numbers'
  | 'zip'
  | 'pdf'
  | 'image'
  | 'archive'
  | 'parquet'
  | 'sqlite'
  | 'rich-text'
  | 'program'
  | 'zeros'
  | 'binary';

const startsWith = (head: Buffer, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const has = (head: Buffer, text: string): boolean => head.includes(text, 0, 'latin1');

/** Zip local file header, "PK\x03\x04" (also what an empty zip's end record starts with: PK\x05\x06). */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file: Excel 97-2003 .xls, Word .doc, PowerPoint .ppt, Outlook .msg. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Which zip-based format the entry names near the start of the archive say. */
function zipKind(head: Buffer): ContentKind {
  if (has(head, 'application/vnd.oasis.opendocument.spreadsheet')) return 'opendocument-spreadsheet';
  if (has(head, 'application/vnd.oasis.opendocument')) return 'opendocument';
  if (has(head, 'xl/')) return 'excel';
  if (has(head, 'word/')) return 'word';
  if (has(head, 'ppt/')) return 'powerpoint';
  if (has(head, 'Index/Document.iwa') || has(head, 'Index/Tables/')) return 'numbers';
  // Excel writes [Content_Types].xml first and its xl/ entries may come after our window.
  if (has(head, '[Content_Types].xml')) return 'excel';
  return 'zip';
}

/** Whether the head is plainly not text: zero bytes where no UTF-16/32 mark or pattern explains them. */
function looksBinary(head: Buffer): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || startsWith(head, [0, 0, 0xfe, 0xff])) return false; // UTF-16 (or 32) with a BOM
  const sample = head.subarray(0, 8192);
  const firstZero = sample.indexOf(0);
  if (firstZero === -1) return false;
  // Text and then only zero bytes: a sparse file, or space set aside past what was written. Its
  // text is what counts here (a head of zero bytes alone is refused as such, see allZeros).
  if (firstZero > 0 && allZeros(sample.subarray(firstZero))) return false;
  // UTF-16 or UTF-32 without a BOM: text with zero bytes in a steady pattern (detect-encoding.ts).
  return encodingByZeros(sample) === null;
}

/** Whether every byte of the head is zero: space set aside for a download that never wrote it. */
function allZeros(head: Buffer): boolean {
  for (const byte of head) if (byte !== 0) return false;
  return true;
}

/**
 * The kind of content `head` (the first bytes of a file, 64 KiB is plenty) holds, or null when
 * it reads as text (CSV, JSON, NDJSON or anything else made of characters).
 */
export function sniffContent(head: Buffer): ContentKind | null {
  if (head.length === 0) return null;
  if (hasGzipMagic(head)) return 'gzip';
  if (allZeros(head)) return 'zeros';
  if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) return zipKind(head);
  if (startsWith(head, OLE2)) return has(head, 'W\0o\0r\0k\0b\0o\0o\0k') || has(head, 'Workbook') ? 'excel-legacy' : 'office-legacy';
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (
    startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) // PNG
    || startsWith(head, [0xff, 0xd8, 0xff]) // JPEG
    || startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))
    || (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8))
    || startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]) // TIFF
    || (startsWith(head, ascii('ftyp'), 4) && /^(heic|heix|mif1|avif)/.test(head.subarray(8, 12).toString('latin1')))
  ) return 'image';
  if (
    startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) // 7-Zip
    || startsWith(head, ascii('Rar!\x1a\x07'))
    || startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) // xz
    || startsWith(head, [0x28, 0xb5, 0x2f, 0xfd]) // zstd
    || /^BZh[1-9]1AY&SY/.test(head.subarray(0, 10).toString('latin1'))
  ) return 'archive';
  if (startsWith(head, ascii('PAR1'))) return 'parquet';
  if (startsWith(head, ascii('SQLite format 3\0'))) return 'sqlite';
  if (startsWith(head, ascii('{\\rtf'))) return 'rich-text';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) || (startsWith(head, ascii('MZ')) && looksBinary(head))) return 'program';
  return looksBinary(head) ? 'binary' : null;
}
