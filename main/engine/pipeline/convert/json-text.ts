/**
 * What an NDJSON-named file really holds, before the clean step reads it line by line: its
 * encoding (UTF-16 or UTF-32 is decoded and written as UTF-8, which Lexer needs) and its layout
 * (a JSON array or pretty-printed JSON is converted record by record instead).
 */
import { detectEncoding, ENCODING_HEAD_BYTES, type CsvEncoding } from '../csv/detect-encoding.js';
import { iconvLite } from '../csv/lazy-iconv.js';
import { openInput } from '../../io/open-input.js';
import { jsonLayout, type JsonLayout } from '../validation/line-batcher.js';

/** How the text was encoded, once the head showed it. */
export interface FoundEncoding { encoding: CsvEncoding; marked: boolean }

type Decoder = ReturnType<ReturnType<typeof iconvLite>['getDecoder']>;

/**
 * The bytes of `chunks` as UTF-8: a UTF-16 or UTF-32 file (by its mark or its zero bytes) is
 * decoded and re-encoded; anything else passes as it is. `found` is filled in from the head.
 */
export async function* asUtf8(chunks: AsyncIterable<Uint8Array>, found: FoundEncoding): AsyncGenerator<Uint8Array> {
  let head: Buffer | null = Buffer.alloc(0);
  const state: { decoder: Decoder | null } = { decoder: null };
  const decide = (bytes: Buffer): void => {
    const { encoding, bomLength } = detectEncoding(bytes);
    found.encoding = encoding;
    found.marked = bomLength > 0;
    // iconv-lite drops the mark of the encoding it decodes.
    if (encoding !== 'UTF-8') state.decoder = iconvLite().getDecoder(encoding);
  };
  const out = (bytes: Uint8Array): Uint8Array => (state.decoder ? Buffer.from(state.decoder.write(Buffer.from(bytes)), 'utf8') : bytes);
  for await (const chunk of chunks) {
    if (head === null) {
      yield out(chunk);
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < ENCODING_HEAD_BYTES) continue;
    decide(head);
    yield out(head);
    head = null;
  }
  if (head !== null) {
    decide(head);
    yield out(head);
  }
  const rest = state.decoder?.end();
  if (rest) yield Buffer.from(rest, 'utf8');
}

/** The layout of an NDJSON-named file (gzipped or not), from its first 64 KiB once unpacked. */
export async function readJsonLayout(path: string): Promise<JsonLayout> {
  const input = await openInput(path);
  let head = Buffer.alloc(0);
  let complete = true;
  try {
    for await (const chunk of input.stream as AsyncIterable<Buffer>) {
      head = Buffer.concat([head, chunk]);
      if (head.length >= 64 * 1024) {
        complete = false;
        break;
      }
    }
  } catch {
    // A file cut short or unreadable is the reader's to report, with how much was readable.
  } finally {
    input.close();
  }
  return jsonLayout(head, complete) ?? 'lines';
}
