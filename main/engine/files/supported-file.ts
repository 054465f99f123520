/**
 * Whether Lexer can load a file, decided by its content as well as its name: Lexer loads CSV,
 * JSON and NDJSON, each optionally gzipped (FILE_UPLOAD_API.md, "Formats"). An Excel workbook, an
 * image or a zip is refused with one sentence saying what to do, whatever its name says: an
 * .xlsx renamed .csv is still a zip, and uploading it would report success for data Lexer will
 * never load.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { fileKind, type FileKind } from './file-kind.js';
import { detectEncoding } from '../pipeline/csv/detect-encoding.js';
import { LexerError } from '../errors.js';
import { sniffContent, type ContentKind } from './file-signatures.js';

/** Who reads the refusal: the app says "drop it here", the command says "upload it". */
export type Audience = 'app' | 'cli';

/** Enough of the head to see a signature and the first zip entry names. */
const HEAD_BYTES = 64 * 1024;
/** Compressed bytes inflated to look inside a .gz; a small window keeps a gzip bomb harmless. */
const GZIP_PEEK_BYTES = 16 * 1024;

/** Reads the first bytes of a file; null when it cannot be read (the upload's own checks say why). */
async function readHead(path: string, bytes: number): Promise<Buffer | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** The first inflated bytes of a gzip head (a truncated stream is expected: we only read its start). */
async function inflateHead(head: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const gunzip = createGunzip();
    const done = (): void => {
      gunzip.removeAllListeners();
      gunzip.on('error', () => undefined);
      gunzip.destroy();
      resolve(Buffer.concat(chunks));
    };
    gunzip.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) done();
    });
    gunzip.on('error', done);
    gunzip.on('end', done);
    gunzip.end(head.subarray(0, GZIP_PEEK_BYTES));
  });
}

const then = (audience: Audience, what: string): string => (audience === 'app' ? `drop the ${what} here` : `upload the ${what}`);

/** What the content is, in words, and the one sentence saying what to do. */
function describe(kind: Exclude<ContentKind, 'gzip'>, audience: Audience): { what: string; todo: string } {
  const exportCsv = `export the data as a CSV file (UTF-8) from the program it came from, then ${then(audience, '.csv')}`;
  switch (kind) {
    case 'excel':
    case 'excel-legacy':
      return { what: 'an Excel workbook', todo: `Excel workbooks can't be loaded: in Excel choose File > Save As > CSV UTF-8, then ${then(audience, '.csv')}.` };
    case 'numbers':
      return { what: 'a Numbers spreadsheet', todo: `Numbers spreadsheets can't be loaded: in Numbers choose File > Export To > CSV, then ${then(audience, '.csv')}.` };
    case 'opendocument-spreadsheet':
      return { what: 'an OpenDocument spreadsheet', todo: `Spreadsheets can't be loaded: in LibreOffice choose File > Save As > Text CSV (UTF-8), then ${then(audience, '.csv')}.` };
    case 'word':
    case 'powerpoint':
    case 'opendocument':
    case 'office-legacy':
    case 'rich-text':
      return { what: 'an office document', todo: `Documents can't be loaded: ${exportCsv}.` };
    case 'pdf':
      return { what: 'a PDF document', todo: `PDF files can't be loaded: ${exportCsv}.` };
    case 'image':
      return { what: 'an image', todo: `Images can't be loaded: Lexer takes customer data as CSV, JSON or NDJSON, so ${exportCsv}.` };
    case 'zip':
      return { what: 'a zip archive', todo: `Zip archives can't be loaded: unzip it and ${then(audience, '.csv or .ndjson inside')} (gzip, not zip, is the compression Lexer takes).` };
    case 'archive':
      return { what: 'a compressed archive', todo: `Only gzip is accepted: unpack it and ${then(audience, '.csv or .ndjson inside')}, gzipped if you like.` };
    case 'parquet':
    case 'sqlite':
      return { what: 'a database or Parquet file', todo: `Database files can't be loaded: ${exportCsv}.` };
    case 'program':
    case 'binary':
      return { what: 'not a text file', todo: `Lexer takes text files (CSV, JSON or NDJSON): ${exportCsv}.` };
    case 'zeros':
      return {
        what: 'not a text file (only zero bytes)',
        todo: 'Its first bytes are all zero, as a download or copy that set the space aside but never wrote the data leaves: download or copy it again.',
      };
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

const LOADS = 'Lexer loads only CSV, JSON and NDJSON files, gzipped or not';

function refusal(name: string, kind: Exclude<ContentKind, 'gzip'>, audience: Audience, inGzip = false): LexerError {
  const { what, todo } = describe(kind, audience);
  const is = kind === 'program' || kind === 'binary' || kind === 'zeros' ? `is ${what}` : `is ${inGzip ? `a gzipped file holding ${what}` : what}`;
  return new LexerError('unsupported-file', `${name} ${is}: ${LOADS}.`, { hint: todo });
}

/**
 * The refusal of a file whose first bytes (`head`) are not text Lexer loads (a workbook, an image,
 * zero bytes only), or null: for readers (preview, convert) that have the head already.
 */
export function contentRefusal(path: string, head: Buffer, audience: Audience): LexerError | null {
  const content = sniffContent(head);
  return content === null || content === 'gzip' ? null : refusal(path, content, audience);
}

/**
 * Text in UTF-16 or UTF-32 that Lexer would be sent as it is: JSON and NDJSON must be UTF-8, and
 * a CSV without a byte-order mark gives Lexer no way to tell its encoding. Converting writes UTF-8.
 */
function wideTextRefusal(name: string, head: Buffer, byName: FileKind, audience: Audience): LexerError | null {
  const { encoding, bomLength } = detectEncoding(head);
  if (encoding === 'UTF-8' || (byName === 'csv' && bomLength > 0)) return null;
  const how = bomLength > 0 ? `${encoding} text` : `${encoding} text without a byte-order mark`;
  const why = byName === 'csv' ? 'so Lexer could not tell how to read it' : 'and Lexer reads JSON and NDJSON only as UTF-8';
  let hint = `Convert it first (lexer-upload convert ${name} --record-type TYPE writes UTF-8), or save it again as UTF-8.`;
  if (audience === 'app') hint = byName === 'csv' ? 'Choose "Convert to NDJSON" on its card (the conversion writes UTF-8), or save it again as UTF-8.' : 'Save it again as UTF-8, then drop it here again.';
  return new LexerError('unsupported-file', `${name} is ${how}, ${why}.`, { hint });
}

/**
 * Checks that Lexer can load the file at `path`: returns null when it can, else an
 * `unsupported-file` LexerError naming the file and saying what to do. `name` is the name the
 * person knows the file by (a staged copy keeps it, but a path may not). `sending`: the file goes
 * to Lexer as it is (not a card about to convert it), so UTF-16 and UTF-32 text is refused too.
 * Never throws; an unreadable file is left to the upload's own checks.
 */
export async function checkSupportedFile(path: string, o: { name?: string; audience: Audience; sending?: boolean }): Promise<LexerError | null> {
  const name = o.name ?? basename(path);
  const head = await readHead(path, HEAD_BYTES);
  if (head === null || head.length === 0) return null;
  const content = sniffContent(head);
  const byName = fileKind(name);
  if (content !== null && content !== 'gzip') return refusal(name, content, o.audience);
  if (byName === 'other') {
    const ext = /\.[^.]+$/.exec(name)?.[0] ?? '';
    const told = ext ? `its name ends in ${ext}` : 'its name has no extension';
    return new LexerError('unsupported-file', `${name} is not a CSV, JSON or NDJSON file (${told}): ${LOADS}.`, {
      hint: `If it holds comma- or tab-separated values, rename it to end in .csv (or .ndjson for one JSON record per line), then ${o.audience === 'app' ? 'drop it here again' : 'upload it'}.`,
    });
  }
  if (content === 'gzip') {
    if (byName !== 'gzip') {
      return new LexerError('unsupported-file', `${name} is gzip-compressed, but its name does not end in .gz, so Lexer would read it as plain text.`, {
        hint: `Rename it to ${name}.gz, then ${o.audience === 'app' ? 'drop it here again' : 'upload it'}.`,
      });
    }
    const inner = sniffContent(await inflateHead(head));
    if (inner !== null && inner !== 'gzip') return refusal(name, inner, o.audience, true);
    return null;
  }
  if (byName === 'gzip') {
    return new LexerError('unsupported-file', `${name} ends in .gz but is not gzip-compressed, so Lexer could not unpack it.`, {
      hint: `Remove .gz from its name (it is plain text), then ${o.audience === 'app' ? 'drop it here again' : 'upload it'}.`,
    });
  }
  return o.sending ? wideTextRefusal(name, head, byName, o.audience) : null;
}
