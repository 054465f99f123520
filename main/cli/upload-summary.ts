import { basename } from 'node:path';
import type { ConversionRecord } from '../history/conversion-ledger.js';
import { errorJson, formatBytes, formatCount, printJson, say } from './output.js';
import type { FileOutcome } from './upload-one.js';
import { printValidationReport } from './validation-report.js';

/**
 * Prints how an `upload` run ended: one JSON object (--json), or a line per file naming its
 * outcome with the vendor's status words, errors with their hint.
 */
export function printUploadSummary(outcomes: readonly FileOutcome[], o: { json: boolean; sandbox: boolean }): void {
  if (o.json) {
    const results = outcomes.map(outcomeJson);
    if (results.length === 1) printJson(results[0]);
    else printJson({ ok: results.every((r) => r.ok), results: results.map((r, i) => ({ file: outcomes[i]?.plan.filePath, ...r })) });
    return;
  }
  for (const outcome of outcomes) {
    if (outcome.kind === 'failed' && outcome.validation) printValidationReport(outcome.plan.label, outcome.validation, { maxErrors: 10 });
  }
  const ok = outcomes.filter((r) => r.kind === 'success').length;
  if (outcomes.length > 1) say(`\n${ok} of ${outcomes.length} files uploaded:`);
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'success': {
        const { result, plan } = outcome;
        const as = result.filename === basename(plan.filePath) ? '' : ` as ${result.filename}`;
        say(`Success    ${plan.label}${as} (${formatBytes(result.bytes)}, upload id ${result.uploadId})`);
        // A converted file is not the whole export when rows were left out: say so beside Success.
        const c = outcome.conversion;
        if (c) say(`           Sent ${formatCount(c.written)} records; ${formatCount(c.rejected)} left out (of ${formatCount(c.rows)} rows in ${basename(c.source)}).`);
        break;
      }
      case 'failed':
        say(`Failed     ${outcome.plan.label}: ${outcome.error.message}`);
        if (outcome.error.hint) say(`           ${outcome.error.hint}`);
        break;
      case 'cancelled':
        say(`Cancelled  ${outcome.plan.label}`);
        break;
      default: {
        const _exhaustive: never = outcome;
        return _exhaustive;
      }
    }
  }
  if (ok > 0 && o.sandbox) say('These went to a sandbox on this computer, not to Lexer.');
  else if (ok > 0) say('Lexer now processes the file as a job; follow its status in the Hub under Logs (or the dataset\'s Jobs tab).');
}

function outcomeJson(outcome: FileOutcome): { ok: boolean; [key: string]: unknown } {
  switch (outcome.kind) {
    case 'success':
      return {
        ok: true, uploadId: outcome.result.uploadId, filename: outcome.result.filename, bytes: outcome.result.bytes,
        ...(outcome.conversion ? { records: recordsJson(outcome.conversion) } : {}),
        ...(outcome.note ? { note: outcome.note } : {}),
      };
    case 'failed':
      return {
        ok: false, filename: outcome.plan.filename, error: errorJson(outcome.error),
        ...(outcome.validation ? { validation: { total: outcome.validation.total, valid: outcome.validation.valid, invalid: outcome.validation.invalid, errors: outcome.validation.errors.map(({ line, message }) => ({ line, message })) } } : {}),
      };
    case 'cancelled':
      return { ok: false, filename: outcome.plan.filename, error: errorJson(outcome.error) };
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/** A converted file's counts for --json: records sent, rows left out, rows read, and the source. */
function recordsJson(c: ConversionRecord): { sent: number; leftOut: number; total: number; source: string } {
  return { sent: c.written, leftOut: c.rejected, total: c.rows, source: c.source };
}
