import type { ErrorGroup, LineError } from '../validate-ndjson.js';

/** Collects rejected rows: every one counted by field and rule and passed to `onError`, the first `maxErrors` kept. */
export class ErrorTally {
  readonly errors: LineError[] = [];
  private readonly groups = new Map<string, ErrorGroup>();
  total = 0;

  constructor(
    private readonly maxErrors: number,
    private readonly onError?: (e: LineError) => void,
  ) {}

  add(error: LineError): void {
    this.total++;
    if (this.errors.length < this.maxErrors) this.errors.push(error);
    const key = `${error.field}\u0000${error.rule}`;
    const group = this.groups.get(key);
    if (group) group.count++;
    else this.groups.set(key, { field: error.field, rule: error.rule, count: 1 });
    this.onError?.(error);
  }

  /** Groups, most frequent first. */
  summary(): ErrorGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count);
  }
}
