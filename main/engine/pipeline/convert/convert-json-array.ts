import { pipeline } from 'node:stream/promises';
import { Transform, Writable } from 'node:stream';
import Parser from 'stream-json/Parser.js';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import StreamValues from 'stream-json/streamers/StreamValues.js';
import { LexerError } from '../../errors.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordType } from '../../schemas/record-types.js';
import { openInput } from '../../io/open-input.js';
import type { LineError, WarningGroup } from '../validation/types.js';
import { groupWarnings } from '../validation/validate-batch.js';
import type { ConversionSink } from './conversion-sink.js';
import { encodeOutput } from './encode-output.js';
import { approximated, exactNumberToken, ExactNumber, stringifyExact } from './exact-number.js';
import { EmailHashTally, hashEmails, type EmailHashPlan, type HashChange } from './hash-emails.js';
import { leaveOutInvalidFields } from './leave-out-fields.js';
import { recordIdentifier } from '../validation/record-identifier.js';

const BATCH_CHARS = 1 << 20;

/** Drops a UTF-8 byte-order mark at the start of a stream (stream-json would refuse it). */
function withoutBom(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const skip = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
      first = false;
      done(null, skip ? chunk.subarray(skip) : chunk);
    },
  });
}

/**
 * Converts a JSON file holding an array of records (`layout: 'array'`), or records one after
 * another over several lines (`'values'`, as `jq .` writes them), streamed with stream-json
 * (never parsed whole), gzipped or not. The records are already typed, so they are only checked
 * and written one per line; `line` in the errors is the record's 1-based position. Numbers keep
 * their digits (an id of 20 digits is not rounded) and emails are checked as Lexer does.
 */
export async function convertJsonArray(
  path: string,
  o: { recordType: RecordTypeName; gzip: boolean; stopOnFirstInvalid: boolean; leaveOutInvalidFields: boolean; signal?: AbortSignal; layout?: 'array' | 'values'; hashPlan?: EmailHashPlan | null },
  sink: ConversionSink,
  onBytes: (read: () => number) => void,
): Promise<void> {
  const check = getRecordType(o.recordType).check;
  const hashPlan = o.hashPlan ?? null;
  const input = await openInput(path);
  onBytes(input.bytesRead);
  const values = o.layout === 'values';
  const streamer = values ? new StreamValues() : new StreamArray();
  // stream-json's assembler reads numbers with parseFloat; keep the digits of those a double cannot hold.
  let exact = false;
  const assembler = (streamer as unknown as { _assembler: { numberValue(text: string): void; _saveValue(value: unknown): void } })._assembler;
  assembler.numberValue = function numberValue(text: string) {
    const value = exactNumberToken(text);
    if (value instanceof ExactNumber) exact = true;
    this._saveValue(value);
  };
  const empty = () => ({
    rows: 0, written: 0, rejected: 0, problems: [] as LineError[], keptRecords: 0, leftOut: [] as LineError[], warnings: new Map<string, WarningGroup>(), text: '', hashed: new EmailHashTally(),
  });
  let batch = empty();
  const flush = async (stopped: boolean): Promise<void> => {
    const { rows, written, rejected, problems, keptRecords, leftOut, warnings, text, hashed } = batch;
    batch = empty();
    await sink.accept({
      rows, written, rejected, problems, keptRecords, leftOut, output: encodeOutput(text, o.gzip), stopped, warnings: [...warnings.values()], notes: hashed.notes(),
      emails: { hashed: hashed.hashed, leftOut: hashed.leftOut },
    });
  };
  const records = new Writable({
    objectMode: true,
    write(item: { key: number; value: unknown }, _encoding, done) {
      const position = item.key + 1;
      const hasExact = exact;
      exact = false;
      batch.rows++;
      const isRecord = typeof item.value === 'object' && item.value !== null && !Array.isArray(item.value);
      const checkRecord = (r: unknown) => check(hasExact ? approximated(r) : r);
      let value = item.value;
      const changes: readonly HashChange[] = isRecord && hashPlan ? hashEmails(value as Record<string, unknown>, hashPlan) : [];
      let result = isRecord
        ? checkRecord(value)
        : { ok: false as const, problems: [{ field: '(record)', rule: 'not an object', message: `record ${position} is ${Array.isArray(item.value) ? 'an array' : JSON.stringify(item.value)}, not an object` }] };
      if (!result.ok && isRecord && o.leaveOutInvalidFields) {
        const kept = leaveOutInvalidFields(value as Record<string, unknown>, result.problems, checkRecord);
        if (kept) {
          const identifier = recordIdentifier(value);
          for (const p of result.problems) batch.leftOut.push({ line: position, message: p.message, field: p.field, rule: p.rule, ...(identifier ? { identifier } : {}) });
          batch.keptRecords++;
          value = kept.record;
          result = { ok: true, warnings: kept.warnings };
        }
      }
      if (!result.ok) {
        batch.rejected++;
        const identifier = recordIdentifier(value);
        for (const p of result.problems) batch.problems.push({ line: position, message: p.message, field: p.field, rule: p.rule, ...(identifier ? { identifier } : {}) });
        if (o.stopOnFirstInvalid) return void flush(true).then(() => done(new StopSignal()), done);
      } else {
        groupWarnings(batch.warnings, result.warnings, position);
        if (changes.length > 0) batch.hashed.add(changes, position);
        batch.text += `${hasExact ? stringifyExact(value) : JSON.stringify(value)}\n`;
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
    await pipeline(input.stream, withoutBom(), new Parser({ jsonStreaming: values }), streamer, records, { signal: o.signal });
  } catch (error) {
    if (error instanceof StopSignal) return;
    if (error instanceof LexerError || (error as Error).name === 'AbortError') throw error;
    throw new LexerError('unsupported-file', `${path} is not ${values ? 'JSON records' : 'a JSON array of records'}: ${(error as Error).message}`, {
      hint: 'A .json file must hold one array of record objects: [{"link": {...}}, ...]. For one record per line, use .ndjson.',
      cause: error,
    });
  } finally {
    input.close();
  }
}

/** Ends the pipeline at the first invalid record when the user asked to stop there. */
class StopSignal extends Error {}
