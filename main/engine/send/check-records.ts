/**
 * Checking every record before sending (the app's "check every record", `upload --validate`):
 * a file with any invalid record is refused before a byte is sent, like the vendor's
 * `upload_validate`. The validator and the clean step load only when asked for: sending bytes
 * needs neither, so a command that only sends starts quickly.
 */
import { basename } from 'node:path';
import { LexerError } from '../errors.js';
import type { ConversionRecord } from '../history/conversion-ledger.js';
import type { CleanCopy } from '../pipeline/clean-copy.js';
import type { ValidationResult } from '../pipeline/validate-ndjson.js';
import type { SendEvent, SendRequest } from './send-types.js';

/** What was checked: the file to send now (a cleaned copy, or the file itself). */
export interface CheckedRecords {
  path: string;
  validation: ValidationResult | null;
  /** The cleaned copy sent instead, to dispose of once the upload ended. */
  copy: CleanCopy | null;
}

/** A refusal that carries the validation result, for the report the CLI prints. */
export class InvalidRecords extends Error {
  constructor(readonly error: LexerError, readonly validation: ValidationResult | null) {
    super(error.message);
  }
}

const count = (n: number): string => n.toLocaleString('en-US');

/** What a conversion's `rows` counted: rows, or orders (and the lines they came from). */
function leftOutUnit(c: ConversionRecord): string {
  return c.lines === undefined ? 'rows' : `orders (from ${count(c.lines)} lines)`;
}

/**
 * Checks the records of `req.path` as `req.validate` asks; throws {@link InvalidRecords} when the
 * file must not be sent. A file a conversion wrote with rows left out is not the whole export, so
 * it is refused too, as `convert` exits 1 when it leaves rows out.
 */
export async function checkRecords(
  req: SendRequest,
  o: { conversion: ConversionRecord | null; audience: 'app' | 'cli'; signal: AbortSignal; emit: (e: SendEvent) => void },
): Promise<CheckedRecords> {
  const unchecked = { path: req.path, validation: null, copy: null };
  if (req.validate === 'off' || !req.destination) return unchecked;
  const { conversion } = o;
  if (conversion && conversion.rejected > 0) {
    const how = o.audience === 'cli' ? 'upload without --validate' : 'turn off “Check every record”';
    throw new InvalidRecords(new LexerError('invalid-records',
      `${count(conversion.rejected)} of ${count(conversion.rows)} ${leftOutUnit(conversion)} of ${basename(conversion.source)} were left out when it was converted to ${req.label}, so it was not uploaded.`,
      { hint: `Fix the rows the conversion listed and convert again, or ${how} to send the ${count(conversion.written)} records anyway.` }), null);
  }
  const { recordType } = req.destination;
  const { validateNdjsonFile } = await import('../pipeline/validate-ndjson.js');
  const validation = await validateNdjsonFile(req.path, recordType, {
    signal: o.signal,
    onProgress: (p) => o.emit({ kind: 'validating', lines: p.lines, bytesRead: p.bytesRead, totalBytes: p.totalBytes }),
  });
  if (validation.invalid === 0) return { ...unchecked, validation };
  // Only blank lines and byte-order marks wrong: send a copy without them, and say so.
  if (req.validate === 'all-valid-or-clean' && validation.invalid === validation.framing.cleanable) {
    const { writeCleanCopy } = await import('../pipeline/clean-copy.js');
    const copy = await writeCleanCopy(req.path, recordType, o.signal);
    o.emit({ kind: 'cleaned', framing: validation.framing });
    return { path: copy.path, validation, copy };
  }
  const first = validation.errors[0];
  throw new InvalidRecords(new LexerError('invalid-records',
    `${count(validation.invalid)} of ${count(validation.total)} records in ${req.label} are not valid ${recordType} records${first ? ` (line ${first.line}: ${first.message})` : ''}, so the file was not uploaded.`,
    { hint: 'Fix the records listed in the validation report (or convert the file again), then upload it again.' }), validation);
}
