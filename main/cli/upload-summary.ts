import { basename } from 'node:path';
import { LexerError, toErrorInfo } from '../engine/errors.js';
import type { ConversionRecord } from '../engine/history/conversion-ledger.js';
import type { PartResult } from '../engine/send/send-types.js';
import { formatBytes, formatCount, printJson, say } from './output.js';
import type { FileOutcome } from './upload-one.js';
import { framingSentence, printValidationReport } from './validation-report.js';

const DUPLICATE_HINT = 'To send it again anyway, add --allow-duplicate.';

/** A duplicate's error with what to do on the command line. */
function duplicateError(error: LexerError): LexerError {
  return new LexerError(error.code, error.message, { hint: DUPLICATE_HINT });
}

/** "240 MB gzipped (2.1 GB before)", or just the size. */
function sizeText(o: Extract<FileOutcome, { kind: 'success' }>): string {
  return o.compressed ? `${formatBytes(o.bytes)} gzipped from ${formatBytes(o.sourceBytes)}` : formatBytes(o.bytes);
}

/** One line per part under a file's outcome: where each stands and its upload id. */
function printParts(parts: readonly PartResult[] | null): void {
  if (!parts || parts.length < 2) return;
  for (const p of parts) {
    const id = p.uploadId ? `, upload id ${p.uploadId}` : '';
    say(`           part ${p.index}/${parts.length} ${p.filename}: ${p.status}${p.earlier ? ' (sent earlier)' : ''} (${formatBytes(p.bytes)}${id})`);
  }
}

/**
 * Prints how an `upload` run ended: one JSON object (--json), or a line per file naming its
 * outcome with the vendor's status words, errors with their hint, and a line per part.
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
        const { plan } = outcome;
        const as = outcome.filename === basename(plan.filePath) ? '' : ` as ${outcome.filename}`;
        const ids = outcome.uploadId !== null
          ? `upload id ${outcome.uploadId}`
          : `${outcome.parts.length} parts, upload ids ${outcome.parts.map((p) => p.uploadId).join(', ')}`;
        say(`Success    ${plan.label}${as} (${sizeText(outcome)}, ${ids})`);
        printParts(outcome.parts);
        // A converted file is not the whole export when rows were left out: say so beside Success.
        const c = outcome.conversion;
        const fields = c?.fieldsLeftOut ? `; ${formatCount(c.fieldsLeftOut)} invalid fields left out (${(c.leftOutFields ?? []).join(', ')})` : '';
        const read = c?.lines === undefined ? 'rows' : `orders from ${formatCount(c.lines)} lines`;
        if (c) say(`           Sent ${formatCount(c.written)} records; ${formatCount(c.rejected)} left out (of ${formatCount(c.rows)} ${read} in ${basename(c.source)})${fields}.`);
        break;
      }
      case 'failed':
        say(`Failed     ${outcome.plan.label}: ${outcome.error.message}`);
        if (outcome.error.hint) say(`           ${outcome.error.hint}`);
        printParts(outcome.parts);
        break;
      case 'duplicate':
        say(`Not sent   ${outcome.plan.label}: ${outcome.error.message}`);
        say(`           ${DUPLICATE_HINT}`);
        break;
      case 'cancelled':
        say(`Cancelled  ${outcome.plan.label}`);
        printParts(outcome.parts);
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

/** The parts for --json, when the file went in parts. */
function partsJson(parts: readonly PartResult[] | null): { parts?: unknown[] } {
  if (!parts || parts.length < 2) return {};
  return { parts: parts.map((p) => ({ index: p.index, filename: p.filename, bytes: p.bytes, status: p.status, uploadId: p.uploadId, ...(p.earlier ? { sentEarlier: true } : {}) })) };
}

function outcomeJson(outcome: FileOutcome): { ok: boolean; [key: string]: unknown } {
  switch (outcome.kind) {
    case 'success': {
      const note = outcome.cleaned ? framingSentence(outcome.cleaned) : null;
      return {
        ok: true, uploadId: outcome.uploadId, filename: outcome.filename, bytes: outcome.bytes,
        ...(outcome.compressed ? { gzip: true, sourceBytes: outcome.sourceBytes } : {}),
        ...partsJson(outcome.parts),
        ...(outcome.conversion ? { records: recordsJson(outcome.conversion) } : {}),
        ...(note ? { note: `removed ${note}, which Lexer counts as invalid rows, and uploaded a cleaned copy` } : {}),
      };
    }
    case 'failed':
      return {
        ok: false, filename: outcome.plan.filename, error: toErrorInfo(outcome.error), ...partsJson(outcome.parts),
        ...(outcome.validation ? { validation: { total: outcome.validation.total, valid: outcome.validation.valid, invalid: outcome.validation.invalid, errors: outcome.validation.errors.map(({ line, message }) => ({ line, message })) } } : {}),
      };
    case 'duplicate': {
      const m = outcome.match;
      return {
        ok: false, filename: outcome.plan.filename, error: toErrorInfo(duplicateError(outcome.error)),
        duplicate: { sentAt: m.sentAt, filename: m.filename, uploadIds: m.uploadIds },
      };
    }
    case 'cancelled':
      return { ok: false, filename: outcome.plan.filename, error: toErrorInfo(outcome.error), ...partsJson(outcome.parts) };
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/** A converted file's counts for --json: records sent, rows (or orders) left out and read, the lines read when grouped into orders, the source, and invalid fields left out. */
function recordsJson(c: ConversionRecord): { sent: number; leftOut: number; total: number; lines?: number; source: string; fieldsLeftOut: number; leftOutFields: readonly string[] } {
  return {
    sent: c.written, leftOut: c.rejected, total: c.rows, ...(c.lines !== undefined ? { lines: c.lines } : {}),
    source: c.source, fieldsLeftOut: c.fieldsLeftOut ?? 0, leftOutFields: c.leftOutFields ?? [],
  };
}
