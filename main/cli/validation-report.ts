import type { ValidationResult } from '../pipeline/validate-ndjson.js';
import { formatCount, say } from './output.js';

/**
 * Prints a validation result for people: counts, errors grouped by field and rule, then the
 * first errors with their line numbers (the counts are never capped; the list is).
 */
export function printValidationReport(label: string, r: ValidationResult, o: { maxErrors: number; recordType?: string }): void {
  const type = o.recordType ? ` (${o.recordType})` : '';
  say(`${label}${type}: ${formatCount(r.total)} records, ${formatCount(r.valid)} valid, ${formatCount(r.invalid)} invalid.`);
  for (const w of r.warnings) say(`  warning: ${w}`);
  if (r.invalid === 0) return;
  if (r.summary.length > 0) {
    say('Errors by field and rule:');
    for (const g of r.summary) say(`  ${formatCount(g.count).padStart(8)} × ${g.field || '(record)'}: ${g.rule}`);
  }
  const shown = r.errors.slice(0, o.maxErrors);
  say(shown.length < r.invalid ? `First ${shown.length} errors:` : 'Errors:');
  for (const e of shown) say(`  line ${e.line}: ${e.message}`);
}
