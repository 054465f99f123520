import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import { LexerError } from '../../errors.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordType } from '../../schemas/record-types.js';
import { readHead } from '../csv/read-head.js';
import type { LineError } from '../validate-ndjson.js';
import type { ConversionSink } from './conversion-sink.js';
import { encodeOutput } from './encode-output.js';

const BATCH_CHARS = 1 << 20;

/**
 * Converts a JSON file holding an array of records, streamed with stream-json (never parsed
 * whole). The records are already typed, so they are only checked and written one per line;
 * `line` in the errors is the record's 1-based position in the array.
 */
export async function convertJsonArray(
  path: string,
  o: { recordType: RecordTypeName; gzip: boolean; stopOnFirstInvalid: boolean; signal?: AbortSignal },
  sink: ConversionSink,
  onBytes: (bytes: number) => void,
): Promise<void> {
  const check = getRecordType(o.recordType).check;
  const head = await readHead(path, 3);
  const bom = head.bytes[0] === 0xef && head.bytes[1] === 0xbb && head.bytes[2] === 0xbf ? 3 : 0;
  const source = createReadStream(path, { start: bom, highWaterMark: 1 << 20 });
  source.on('data', (piece) => onBytes(piece.length));
  let batch = { rows: 0, written: 0, problems: [] as LineError[], text: '' };
  const flush = async (stopped: boolean): Promise<void> => {
    const { rows, written, problems, text } = batch;
    batch = { rows: 0, written: 0, problems: [], text: '' };
    await sink.accept({ rows, written, problems, output: encodeOutput(text, o.gzip), stopped });
  };
  const records = new Writable({
    objectMode: true,
    write(item: { key: number; value: unknown }, _encoding, done) {
      const position = item.key + 1;
      batch.rows++;
      const isRecord = typeof item.value === 'object' && item.value !== null && !Array.isArray(item.value);
      const result = isRecord
        ? check(item.value)
        : { ok: false as const, field: '(record)', rule: 'not an object', message: `record ${position} is ${Array.isArray(item.value) ? 'an array' : JSON.stringify(item.value)}, not an object` };
      if (!result.ok) {
        batch.problems.push({ line: position, message: result.message, field: result.field, rule: result.rule });
        if (o.stopOnFirstInvalid) return void flush(true).then(() => done(new StopSignal()), done);
      } else {
        batch.text += `${JSON.stringify(item.value)}\n`;
        batch.written++;
      }
      if (batch.text.length < BATCH_CHARS && batch.rows < 10_000) return done();
      flush(false).then(() => done(), done);
    },
    final(done) {
      flush(false).then(() => done(), done);
    },
  });
  try {
    await pipeline(source, StreamArray.withParser(), records, { signal: o.signal });
  } catch (error) {
    if (error instanceof StopSignal) return;
    if (error instanceof LexerError || (error as Error).name === 'AbortError') throw error;
    throw new LexerError('unsupported-file', `${path} is not a JSON array of records: ${(error as Error).message}`, {
      hint: 'A .json file must hold one array of record objects: [{"link": {...}}, ...]. For one record per line, use .ndjson.',
      cause: error,
    });
  }
}

/** Ends the pipeline at the first invalid record when the user asked to stop there. */
class StopSignal extends Error {}
