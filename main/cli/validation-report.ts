import type { Framing, ValidationResult } from '../engine/pipeline/validate-ndjson.js';
import { formatCount, say } from './output.js';

/** One sentence on what the clean step would remove, or null when there is nothing to clean. */
export function framingSentence(f: Framing): string | null {
  const parts: string[] = [];
  if (f.byteOrderMarks > 0) parts.push(f.byteOrderMarks === 1 ? 'a byte-order mark' : `${formatCount(f.byteOrderMarks)} byte-order marks`);
  if (f.blankLines > 0) parts.push(f.blankLines === 1 ? 'a blank line' : `${formatCount(f.blankLines)} blank lines`);
  return parts.length === 0 ? null : parts.join(' and ');
}

/**
 * Prints a validation result for people: counts, errors grouped by field and rule, then the
 * first problems with their line numbers (the counts are never capped; the list is), and what
 * the clean step would fix.
 */
export function printValidationReport(label: string, r: ValidationResult, o: { maxErrors: number; recordType?: string }): void {
  const type = o.recordType ? ` (${o.recordType})` : '';
  say(`${label}${type}: ${formatCount(r.total)} record${r.total === 1 ? '' : 's'}, ${formatCount(r.valid)} valid, ${formatCount(r.invalid)} invalid.`);
  for (const w of r.warnings) say(`  warning: ${w}`);
  if (r.invalid === 0) return;
  if (r.summary.length > 0) {
    say('Invalid rows by field and rule:');
    for (const g of r.summary) say(`  ${formatCount(g.count).padStart(8)} × ${g.field || '(record)'}: ${g.rule}`);
  }
  const shown = r.errors.slice(0, o.maxErrors);
  say(shown.length < r.errorCount ? `First ${shown.length} of ${formatCount(r.errorCount)} problems:` : 'Problems:');
  for (const e of shown) say(`  line ${e.line}: ${e.message}`);
  const framing = framingSentence(r.framing);
  if (framing) {
    const all = r.framing.cleanable === r.invalid ? 'every invalid row' : `${formatCount(r.framing.cleanable)} of the invalid rows`;
    say(`The file has ${framing}, which Lexer counts as invalid rows (${all}). `
      + `\`lexer-upload convert ${label}${o.recordType ? ` --record-type ${o.recordType}` : ''}\` writes a cleaned copy without them; \`upload --validate\` cleans it for you.`);
  }
}
