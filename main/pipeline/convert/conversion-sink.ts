import type { LineError } from '../validate-ndjson.js';
import type { ErrorTally } from './error-tally.js';
import type { OutputFile } from './output-file.js';

/** What a batch of input produced, with problems already on absolute line numbers. */
export interface BatchOutcome {
  rows: number;
  written: number;
  problems: LineError[];
  output: Uint8Array;
  stopped: boolean;
}

/** Where converted batches go, in input order: the output file, the error tally and the counters. */
export class ConversionSink {
  rows = 0;
  written = 0;
  stoppedEarly = false;

  constructor(
    private readonly out: OutputFile,
    private readonly tally: ErrorTally,
    private readonly tick: () => void,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Records one batch; batches arriving after a stop are ignored. */
  async accept(batch: BatchOutcome): Promise<void> {
    if (this.stoppedEarly) return;
    this.signal?.throwIfAborted();
    this.rows += batch.rows;
    this.written += batch.written;
    for (const problem of batch.problems) this.tally.add(problem);
    if (batch.output.length > 0) await this.out.write(batch.output);
    if (batch.stopped) this.stoppedEarly = true;
    this.tick();
  }
}
