import type { ErrorGroup, LineError } from '../validation/types.js';
import { ErrorGroups } from '../validation/result-collector.js';

/**
 * Collects the problems of rejected rows: every one counted and passed to `onError`, the first
 * `maxErrors` kept, and the rows counted by field and rule.
 */
export class ErrorTally {
  readonly errors: LineError[] = [];
  private readonly groups = new ErrorGroups();
  /** Rows rejected. */
  rows = 0;
  /** Problems of those rows (one per failing field). */
  total = 0;

  constructor(
    private readonly maxErrors: number,
    private readonly onError?: (e: LineError) => void,
  ) {}

  /** Counts `rows` rejected rows and their problems, in line order. */
  add(rows: number, problems: readonly LineError[]): void {
    this.rows += rows;
    for (const error of problems) {
      this.total++;
      if (this.errors.length < this.maxErrors) this.errors.push(error);
      this.groups.add(error);
      this.onError?.(error);
    }
  }

  /** Groups, most frequent first. */
  summary(): ErrorGroup[] {
    return this.groups.summary();
  }
}
