import { basename } from 'node:path';
import { errorJson, formatBytes, printJson, say } from './output.js';
import type { FileOutcome } from './upload-one.js';
import { printValidationReport } from './validation-report.js';

/**
 * Prints how an `upload` run ended: one JSON object (--json), or a line per file naming its
 * outcome with the vendor's status words, errors with their hint.
 */
export function printUploadSummary(outcomes: readonly FileOutcome[], o: { json: boolean }): void {
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
  if (ok > 0) say('Lexer now processes the file as a job; follow its status in the Hub under Logs (or the dataset\'s Jobs tab).');
}

function outcomeJson(outcome: FileOutcome): { ok: boolean; [key: string]: unknown } {
  switch (outcome.kind) {
    case 'success':
      return { ok: true, uploadId: outcome.result.uploadId, filename: outcome.result.filename, bytes: outcome.result.bytes, ...(outcome.note ? { note: outcome.note } : {}) };
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
