/**
 * The clean step for an NDJSON file: Lexer's validator reads a byte-order mark as part
 * of the first line and a blank line as a record, and refuses both, so a file with either fails
 * there although every record is fine. This writes a copy without them, says what it removed,
 * checks each record like any conversion (invalid ones are left out and reported), and writes
 * the valid lines exactly as they were (never re-serialised: no digit of a number changes).
 */
import { MAX_LINE_BYTES, lineBatches } from '../validation/line-batcher.js';
import { openInput } from '../../io/open-input.js';
import { unreadable } from '../../io/unreadable.js';
import type { LineError, WarningGroup } from '../validation/types.js';
import { checkLine, decodeBatch, groupWarnings, sizeText, splitLines } from '../validation/validate-batch.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { getRecordType } from '../../schemas/record-types.js';
import type { ConversionSink } from './conversion-sink.js';
import { encodeOutput } from './encode-output.js';
import { parseExact, stringifyExact } from './exact-number.js';
import { EmailHashTally, hashEmails, type EmailHashPlan, type HashChange } from './hash-emails.js';
import { asUtf8, type FoundEncoding } from './json-text.js';

/** What the clean step removed: byte-order marks and blank lines, with the first few lines named. */
export interface Cleaned {
  byteOrderMarks: number;
  blankLines: number;
  /** The first lines removed or cleaned (1-based), for the message. */
  lines: number[];
}

const MAX_NAMED_LINES = 20;

/**
 * Streams an NDJSON file (gzipped or not) into the sink without its BOMs and blank lines, as
 * UTF-8 (a UTF-16 or UTF-32 file is re-encoded; `found` says which it was); returns what it removed.
 */
export async function convertNdjson(
  path: string,
  o: { recordType: RecordTypeName; gzip: boolean; stopOnFirstInvalid: boolean; signal?: AbortSignal; hashPlan?: EmailHashPlan | null },
  sink: ConversionSink,
  onBytes: (read: () => number) => void,
  found: FoundEncoding = { encoding: 'UTF-8', marked: false },
): Promise<Cleaned> {
  const check = getRecordType(o.recordType).check;
  const input = await openInput(path);
  onBytes(input.bytesRead);
  const cleaned: Cleaned = { byteOrderMarks: 0, blankLines: 0, lines: [] };
  const name = (line: number): void => void (cleaned.lines.length < MAX_NAMED_LINES && cleaned.lines.push(line));
  let offset = 0;
  const onAbort = () => input.stream.destroy();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const batch of lineBatches(asUtf8(input.stream, found))) {
      o.signal?.throwIfAborted();
      if ('overlong' in batch) {
        offset += 1;
        const problem = { line: offset, field: '', rule: 'line too long', message: `is longer than ${sizeText(MAX_LINE_BYTES)} (${batch.overlong.toLocaleString('en-US')} bytes), far more than any record; it was left out unread` };
        await sink.accept({ rows: 1, written: 0, rejected: 1, problems: [problem], output: new Uint8Array(0), stopped: o.stopOnFirstInvalid });
        if (o.stopOnFirstInvalid) break;
        continue;
      }
      const { text, notUtf8 } = decodeBatch(batch.bytes);
      const lines = splitLines(text);
      const problems: LineError[] = [];
      const warnings = new Map<string, WarningGroup>();
      const hashed = new EmailHashTally();
      let out = '';
      let rows = 0;
      let written = 0;
      let rejected = 0;
      let stopped = false;
      for (let i = 0; i < lines.length; i += 1) {
        const line = offset + i + 1;
        let raw = lines[i] as string;
        let changes: readonly HashChange[] = [];
        // Only a line with an '@' can hold an address; it is written again only when one changed.
        if (o.hashPlan && raw.includes('@')) {
          const hashedLine = hashLine(raw, o.hashPlan);
          if (hashedLine) ({ text: raw, changes } = hashedLine);
        }
        const result = checkLine(check, raw, notUtf8);
        if (result.bom) {
          cleaned.byteOrderMarks += 1;
          name(line);
        }
        if (result.blank) {
          cleaned.blankLines += 1;
          if (!result.bom) name(line);
          continue;
        }
        rows += 1;
        const real = result.problems.filter((p) => p.rule !== 'byte-order mark');
        if (real.length > 0) {
          rejected += 1;
          for (const p of real) problems.push({ line, field: p.field, rule: p.rule, message: p.message });
          if (o.stopOnFirstInvalid) {
            stopped = true;
            break;
          }
          continue;
        }
        groupWarnings(warnings, result.warnings, line);
        if (changes.length > 0) hashed.add(changes, line);
        const record = result.bom ? raw.slice(1) : raw;
        out += record.endsWith('\r') ? record.slice(0, -1) : record;
        out += '\n';
        written += 1;
      }
      offset += lines.length;
      await sink.accept({
        rows, written, rejected, problems, output: encodeOutput(out, o.gzip), stopped, warnings: [...warnings.values()], notes: hashed.notes(),
        emails: { hashed: hashed.hashed, leftOut: hashed.leftOut },
      });
      if (stopped) break;
    }
  } catch (error) {
    if (o.signal?.aborted) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^(E[A-Z]+|Z_[A-Z_]+)$/.test(code)) throw unreadable(path, error);
    throw error;
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    input.close();
  }
  return cleaned;
}

/**
 * A line with its e-mail addresses hashed or left out, written again (every digit of its numbers
 * kept), and what changed; null when nothing did or the line is no JSON object (the check says so).
 */
function hashLine(raw: string, plan: EmailHashPlan): { text: string; changes: HashChange[] } | null {
  const bom = raw.charCodeAt(0) === 0xfeff;
  let record: unknown;
  try {
    record = parseExact(bom ? raw.slice(1) : raw);
  } catch {
    return null;
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
  const changes = hashEmails(record as Record<string, unknown>, plan);
  return changes.length === 0 ? null : { text: `${bom ? '\uFEFF' : ''}${stringifyExact(record)}`, changes };
}
