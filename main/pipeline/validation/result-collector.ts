/** Adds batch results up, in line order: counts, the capped error list, the summary, the warnings. */
import type { BatchResult, ErrorGroup, LineError, ValidationResult, WarningGroup } from './types.js';

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

/** A collector that keeps the first `maxErrors` errors and calls `onError` for every error. */
export function createResultCollector(maxErrors: number, onError?: (e: LineError) => void): ResultCollector {
  let total = 0;
  let invalid = 0;
  const errors: LineError[] = [];
  const groups = new Map<string, ErrorGroup>();
  const warnings = new Map<string, WarningGroup>();
  return {
    add(batch, offset) {
      total += batch.records;
      invalid += batch.invalid;
      for (const relative of batch.errors) {
        const error = { ...relative, line: relative.line + offset };
        if (errors.length < maxErrors) errors.push(error);
        const key = `${error.field}\u0000${error.rule}`;
        const group = groups.get(key);
        if (group) group.count += 1;
        else groups.set(key, { field: error.field, rule: error.rule, count: 1 });
        onError?.(error);
      }
      for (const w of batch.warnings) {
        const seen = warnings.get(w.key);
        if (seen) seen.count += w.count;
        else if (warnings.size < MAX_WARNING_KINDS) warnings.set(w.key, { ...w, line: w.line + offset });
      }
    },
    result() {
      return {
        total,
        valid: total - invalid,
        invalid,
        errors,
        summary: [...groups.values()].sort((a, b) => b.count - a.count),
        warnings: [...warnings.values()].map(warningText),
      };
    },
  };
}
