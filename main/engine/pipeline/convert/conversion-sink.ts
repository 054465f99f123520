import type { LineError, WarningGroup } from '../validation/types.js';
import { WarningTally } from '../validation/result-collector.js';
import type { ErrorTally } from './error-tally.js';
import type { OutputFile } from '../../io/output-file.js';

/** What a batch of input produced, with problems, warnings and lines already on file line numbers. */
export interface BatchOutcome {
  rows: number;
  written: number;
  rejected: number;
  problems: LineError[];
  output: Uint8Array;
  stopped: boolean;
  warnings?: readonly WarningGroup[];
  /** What conversion changed that the person should know (a phone's apostrophe removed...). */
  notes?: readonly WarningGroup[];
  /** Records kept without some invalid optional fields, and those fields. */
  keptRecords?: number;
  leftOut?: LineError[];
  /** File lines read as Windows-1252, and whether valid non-ASCII UTF-8 was seen. */
  fallbackLines?: readonly number[];
  utf8NonAscii?: boolean;
  /** E-mail addresses of the written records hashed, and left out (hash-emails.ts). */
  emails?: { hashed: number; leftOut: number };
  /** Rows grouped into orders: orders written and refused. */
  orders?: { written: number; refused: number };
}

/** How many fallback lines a result names; the count is never capped. */
const MAX_NAMED_LINES = 20;

/** Where converted batches go, in input order: the output file, the error tally and the counters. */
export class ConversionSink {
  rows = 0;
  written = 0;
  stoppedEarly = false;
  readonly warnings = new WarningTally();
  readonly notes = new WarningTally();
  readonly fallback = { count: 0, lines: [] as number[], utf8NonAscii: false };
  readonly emails = { hashed: 0, leftOut: 0 };
  readonly orders = { written: 0, refused: 0 };

  constructor(
    private readonly out: OutputFile,
    private readonly tally: ErrorTally,
    /** The fields left out of kept records: counted by field and rule like rejected rows. */
    private readonly leftOut: ErrorTally,
    private readonly tick: () => void,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Records one batch; batches arriving after a stop are ignored. */
  async accept(batch: BatchOutcome): Promise<void> {
    if (this.stoppedEarly) return;
    this.signal?.throwIfAborted();
    this.rows += batch.rows;
    this.written += batch.written;
    this.tally.add(batch.rejected, batch.problems);
    if (batch.warnings) this.warnings.add(batch.warnings, 0);
    if (batch.notes) this.notes.add(batch.notes, 0);
    if (batch.keptRecords) this.leftOut.add(batch.keptRecords, batch.leftOut ?? []);
    for (const line of batch.fallbackLines ?? []) {
      this.fallback.count += 1;
      if (this.fallback.lines.length < MAX_NAMED_LINES) this.fallback.lines.push(line);
    }
    if (batch.utf8NonAscii) this.fallback.utf8NonAscii = true;
    if (batch.emails) {
      this.emails.hashed += batch.emails.hashed;
      this.emails.leftOut += batch.emails.leftOut;
    }
    if (batch.orders) {
      this.orders.written += batch.orders.written;
      this.orders.refused += batch.orders.refused;
    }
    if (batch.output.length > 0) await this.out.write(batch.output);
    if (batch.stopped) this.stoppedEarly = true;
    this.tick();
  }
}
