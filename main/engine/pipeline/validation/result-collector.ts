/** Adds batch results up, in line order: counts, the capped error list, the summary, the warnings. */
import type { BatchResult, ErrorGroup, LineError, ValidationResult, WarningGroup } from './types.js';
import { noFraming } from './validate-batch.js';

// Enough kinds of warning for anyone to act on; the rest only repeat the pattern.
const MAX_WARNING_KINDS = 50;

export interface ResultCollector {
  /** Adds the next batch in file order; `offset` is the number of physical lines before it. */
  add(batch: BatchResult, offset: number): void;
  result(): ValidationResult;
}

function warningText(group: WarningGroup): string {
  const more = group.count > 1 ? `, and ${(group.count - 1).toLocaleString('en-US')} more line${group.count > 2 ? 's' : ''} like it` : '';
  return `${group.first} (line ${group.line}${more})`;
}

/**
 * Counts rows by field and rule: a row with two bad items in `products` counts once under
 * products[].quantity, so each group's count is a number of rows, exactly.
 */
export class ErrorGroups {
  private readonly groups = new Map<string, ErrorGroup>();
  private line = -1;
  private readonly seen = new Set<string>();

  add(error: LineError): void {
    if (error.line !== this.line) {
      this.line = error.line;
      this.seen.clear();
    }
    const key = `${error.field}\u0000${error.rule}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const group = this.groups.get(key);
    if (group) group.count += 1;
    else this.groups.set(key, { field: error.field, rule: error.rule, count: 1 });
  }

  /** Groups, most frequent first. */
  summary(): ErrorGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count);
  }
}

/** Adds up warnings of the same kind, keeping the first of each (and at most 50 kinds). */
export class WarningTally {
  private readonly groups = new Map<string, WarningGroup>();

  /** Adds a batch's groups; `offset` turns their lines into file lines. */
  add(batch: readonly WarningGroup[], offset: number): void {
    for (const w of batch) {
      const seen = this.groups.get(w.key);
      if (seen) seen.count += w.count;
      else if (this.groups.size < MAX_WARNING_KINDS) this.groups.set(w.key, { ...w, line: w.line + offset });
    }
  }

  /** One sentence per kind: the first warning, its line and how many more lines had it. */
  texts(): string[] {
    return [...this.groups.values()].map(warningText);
  }
}

/** A collector that keeps the first `maxErrors` errors and calls `onError` for every error. */
export function createResultCollector(maxErrors: number, onError?: (e: LineError) => void): ResultCollector {
  let total = 0;
  let invalid = 0;
  let errorCount = 0;
  const errors: LineError[] = [];
  const groups = new ErrorGroups();
  const warnings = new WarningTally();
  const framing = noFraming();
  return {
    add(batch, offset) {
      total += batch.records;
      invalid += batch.invalid;
      framing.byteOrderMarks += batch.framing.byteOrderMarks;
      framing.blankLines += batch.framing.blankLines;
      framing.cleanable += batch.framing.cleanable;
      for (const relative of batch.errors) {
        const error = { ...relative, line: relative.line + offset };
        errorCount += 1;
        if (errors.length < maxErrors) errors.push(error);
        groups.add(error);
        onError?.(error);
      }
      warnings.add(batch.warnings, offset);
    },
    result() {
      return {
        total,
        valid: total - invalid,
        invalid,
        errors,
        errorCount,
        summary: groups.summary(),
        warnings: warnings.texts(),
        framing,
      };
    },
  };
}
